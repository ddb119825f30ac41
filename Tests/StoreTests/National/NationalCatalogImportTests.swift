import Domain
import Foundation
import XCTest

@testable import Store

/// The implementation list in the standard's form: the demo's `items.csv` + `materials.csv`
/// imported into a fresh district give the same items.
final class NationalCatalogImportTests: XCTestCase {
  let from = CivilDate(year: 2026, month: 1, day: 1)!
  let to = CivilDate(year: 2026, month: 12, day: 31)!

  func freshDistrict(_ dir: URL) throws -> (Store, Staff) {
    let node = NodeIdentity(
      code: "QTQ", name: "其他区政务服务中心", district: "QTQ", isDistrict: true, region: "620402")
    let store = try Store.create(
      path: dir.appendingPathComponent("fresh.db").path, node: node,
      clock: { beijing("2026-11-26T09:30") })
    let admin = Staff(login: "admin", name: "管理员", org: "QTQ", roles: [.admin, .supervisor])
    try store.initialiseDistrict(
      organisation: Organisation(code: "QTQ", name: "其他区政务服务中心", kind: .district),
      admin: admin, holidays: try repositoryShare.read("holidays.tsv"), actor: "admin")
    return (store, admin)
  }

  func testTheDemoListImportsIntoAFreshDistrictAsTheSameItems() throws {
    let (demo, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a").path
    try demo.exportNational(from: from, to: to, directory: a, by: try demo.demoStaff("zhangmin"))
    let (fresh, admin) = try freshDistrict(dir)
    let items = try Data(contentsOf: URL(fileURLWithPath: a + "/items.csv"))
    let materials = try Data(contentsOf: URL(fileURLWithPath: a + "/materials.csv"))

    XCTAssertThrowsError(
      try fresh.importNationalCatalog(
        items: items, itemsName: "items.csv", materials: materials,
        materialsName: "materials.csv", by: admin)
    ) { XCTAssertTrue(CLIText.of($0).contains("--create-orgs"), CLIText.of($0)) }

    let summary = try fresh.importNationalCatalog(
      items: items, itemsName: "items.csv", materials: materials, materialsName: "materials.csv",
      createOrganisations: true, by: admin)
    XCTAssertTrue(summary.firstLoad)
    let exported = try CSVFile.read(a + "/items.csv")
    XCTAssertEqual(summary.opened.count, exported.rows.count)
    let scjg = try XCTUnwrap(
      try fresh.organisationRecords().first { $0.name == "区市场监督管理局" })
    XCTAssertEqual(scjg.code, "MB1592374", "the handle is the 主体标识码")
    XCTAssertEqual(scjg.creditCode, "11620402MB1592374Y")
    XCTAssertEqual(scjg.kind, .department)
    XCTAssertEqual(try fresh.organisationRecords().first { $0.name == "王岘镇" }?.kind, .township)

    let b = dir.appendingPathComponent("b").path
    try fresh.exportNational(from: from, to: to, directory: b, by: admin)
    for name in ["items.csv", "materials.csv"] {
      let before = try CSVFile.read(a + "/" + name)
      let after = try CSVFile.read(b + "/" + name)
      XCTAssertEqual(after.header, before.header)
      XCTAssertEqual(after.rows.count, before.rows.count, name)
      for (x, y) in zip(before.rows, after.rows) {
        for (i, column) in before.header.enumerated() {
          XCTAssertEqual(y[i], x[i], "\(name) \(x[0]) \(column)")
        }
      }
    }
    // Imported again: nothing changes.
    let again = try fresh.importNationalCatalog(
      items: items, itemsName: "items.csv", materials: materials, materialsName: "materials.csv",
      by: admin)
    XCTAssertEqual(again.unchanged.count, exported.rows.count)
  }

  func testABadRowRefusesTheWholeFileNamingIt() throws {
    let header = NationalItems.itemHeader.joined(separator: ",")
    let csv = NationalCSV.parse(Data((header + "\r\n\"unterminated\r\n").utf8), file: "items.csv")
    guard case .failure(let r) = csv else { return XCTFail("an open quote is refused") }
    XCTAssertEqual(r.message, "items.csv 第2行: 引号没有结束")
    let short = NationalCSV.parse(Data("a,b\r\n1\r\n".utf8), file: "x.csv")
    guard case .failure(let r2) = short else { return XCTFail("a short row is refused") }
    XCTAssertEqual(r2.message, "x.csv 第2行: 有 1 列,表头有 2 列")
    let lf = try NationalCSV.parse(Data("a,b\n\"1,2\",3\n".utf8), file: "x.csv").get()
    XCTAssertEqual(lf.rows, [["1,2", "3"]])
  }
}
