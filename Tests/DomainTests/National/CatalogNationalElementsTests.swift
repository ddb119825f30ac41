import Foundation
import XCTest

@testable import Domain

/// The GB/T 39046 elements of a catalog item: checked, compared, carried by the catalog file
/// (format 2; format 1 still read), and what a counter may register.
final class CatalogNationalElementsTests: XCTestCase {
  func national() -> NationalElements {
    NationalElements(
      basicCode: "000101001000", implementationCode: "11620402MB1592374Y1000101001000",
      exerciseLevel: .county, implementerNature: .statutoryAuthority,
      serviceTargets: [.naturalPerson, .enterprise], handlingForms: [.counter, .web],
      scope: .crossCounty, charged: false, quantityLimit: "无", consultation: "窗口、电话",
      supervisionPhone: "0943-8212345", appointment: true,
      onlineAddress: "https://zwfw.gansu.gov.cn",
      faq: "问:需要本人到场吗?答:需要。")
  }

  func testFormatTwoCarriesEveryElementAndFormatOneStillReads() throws {
    var item = sampleItem()
    item.national = national()
    item.materials[0].issuer = "申请人自备"
    let plain = sampleItem(code: "MZJ-JF-002")
    let text = CatalogFile.encode([item, plain], district: "BYQ", exportedAt: "x")
    XCTAssertTrue(text.contains("\"formatVersion\" : 2"), text)
    XCTAssertTrue(text.contains("\"serviceTargets\" : [\n"), text)
    XCTAssertTrue(text.contains("\"企业法人\""), text)
    let back = try CatalogFile.decode(Data(text.utf8), organisations: catalogOrgs).get()
    XCTAssertEqual(back, [plain, item], "every element kept, an item without them stays without")

    let v1 = CatalogFile.encode([plain], district: "BYQ", exportedAt: "x")
      .replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 1")
    XCTAssertEqual(try CatalogFile.decode(Data(v1.utf8), organisations: catalogOrgs).get(), [plain])
    let v1WithNational = text.replacingOccurrences(
      of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 1")
    guard
      case .failure(let r) = CatalogFile.decode(
        Data(v1WithNational.utf8), organisations: catalogOrgs)
    else { return XCTFail("a version 1 file has no national elements") }
    XCTAssertTrue(r.message.contains("未知字段"), r.message)

    let badTarget = text.replacingOccurrences(of: "\"企业法人\"", with: "\"公司\"")
    guard
      case .failure(let r2) = CatalogFile.decode(Data(badTarget.utf8), organisations: catalogOrgs)
    else { return XCTFail("an unknown 服务对象 is refused") }
    XCTAssertEqual(
      r2.message,
      "第2项(SCJG-DJ-001)「国家标准要素」\"serviceTargets\" 的每一项应为 自然人、企业法人、事业法人、社会组织法人、行政机关、其他组织 之一")
  }

  func testElementsAreChecked() {
    var n = national()
    XCTAssertEqual(n.problems(type: .licensing), [])
    n.basicCode = "0001-01"
    n.implementationCode = String(repeating: "1", count: 37)
    n.matterType = .penalty
    n.charged = true
    n.supervisionPhone = "12"
    XCTAssertEqual(
      n.problems(type: .licensing),
      [
        "基本编码应为不超过12位字母或数字", "实施编码应为不超过36位字母或数字", "国标事项类型「行政处罚」与事项类型「行政许可」不符",
        "收费的事项须写明收费依据", "监督电话:联系电话应为手机号码或固定电话(如0943-8221234)",
      ])
    n = national()
    n.matterType = .penalty
    XCTAssertEqual(n.problems(type: .otherPower), [], "行政处罚 is catalogued as 其他行政权力")
    var item = sampleItem()
    item.national = NationalElements(basicCode: "x-1")
    XCTAssertEqual(
      item.problems(organisations: catalogOrgs).map(\.description),
      ["「国家标准要素」基本编码应为不超过12位字母或数字"])
  }

  func testDifferencesNameEveryChangedElement() {
    let old = sampleItem()
    var new = old
    new.national = national()
    new.national?.handlingForms = [.counter]
    let d = new.differences(from: old)
    XCTAssertEqual(d.map(\.field), [.national])
    XCTAssertTrue(d[0].details.contains("基本编码: 无 改为 000101001000"), "\(d[0].details)")
    XCTAssertTrue(d[0].details.contains("办理形式: 无 改为 窗口办理"), "\(d[0].details)")
    var later = new
    later.national?.scope = .nationwide
    XCTAssertEqual(later.differences(from: new).first?.details, ["通办范围: 跨县 改为 全国"])
  }

  func testPenaltyItemsTakeNoApplication() {
    let snapshot = ItemSnapshot(
      code: "SCJG-CF-001", version: 1, name: "食品违法行为处罚", organisation: "SCJG",
      organisationName: "区市场监督管理局", promisedDays: 0, legalDays: 90, materials: [])
    let item = DirectoryItem(snapshot: snapshot, availability: .inUse, matterType: .penalty)
    XCTAssertEqual(
      item.registrationRefusal?.message, "事项「食品违法行为处罚」是行政处罚事项,由行政机关依职权实施,不受理申请")
    XCTAssertNil(DirectoryItem(snapshot: snapshot, availability: .inUse).registrationRefusal)
  }

  /// The detail view's label column is 12 cells: a longer label pushes its value out of line.
  func testLabelsFitTheDetailViewsLabelColumn() {
    for field in NationalElements().fields {
      XCTAssertLessThanOrEqual(DisplayWidth.of(field.label), 12, field.label)
    }
  }

  func testMaterialCountsAsTheStandardCountsThem() {
    XCTAssertTrue(Material(name: "a", form: .original, copies: 2).originalsAndCopies == (2, 0))
    XCTAssertTrue(Material(name: "a", form: .copy, copies: 1).originalsAndCopies == (0, 1))
    XCTAssertTrue(
      Material(name: "a", form: .originalAndCopy, copies: 1).originalsAndCopies == (1, 1))
  }
}
