import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// 一件事 in the catalog's draft editor (第十九条): the same form as any item, with the members and
/// shared materials as two fields, checked as typed; the store judges the members against the
/// catalog when the draft is saved.
final class CatalogPackageEditorTests: XCTestCase {
  func set(_ e: inout CatalogEditor, _ key: String, _ value: String) {
    e.form.update(key) {
      switch $0.input {
      case .text(var t):
        t.set(value)
        $0.input = .text(t)
      case .area(var a):
        a.set(value)
        $0.input = .area(a)
      case .choice: break
      }
    }
    e.refresh()
  }

  func testTheEditorCarriesAPackageAndShowsItsProblemsBesideTheMembersField() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let now = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    let store = try DemoCopies.store(at: path, share: repositoryShare, now: now)
    let base = try XCTUnwrap(try store.catalogItem(code: "ZWZX-YJS-001"))
    var e = CatalogEditor(
      kind: .modify, base: base, organisations: try store.organisations(),
      defaultOrganisation: "ZWZX")
    XCTAssertEqual(e.form["packageMembers"], "SCJG-DJ-003、GAJ-TZ-001、SWJ-FP-001、RSJ-GG-005")
    XCTAssertEqual(e.form["packageShared"], "法定代表人居民身份证、营业执照")
    set(&e, "packageMembers", "scjg-dj-003、gaj-tz-001")
    set(&e, "reason", "公章刻制与设立登记两项先行联办")
    let (proposal, problems) = e.build()
    XCTAssertEqual(problems, [:])
    XCTAssertEqual(proposal?.proposed.package?.members, ["SCJG-DJ-003", "GAJ-TZ-001"])
    XCTAssertEqual(proposal?.proposed.package?.sharedMaterials, ["法定代表人居民身份证", "营业执照"])

    set(&e, "packageMembers", "SCJG-DJ-003")
    e.showAll = true
    e.refresh()
    XCTAssertEqual(e.build().problems["packageMembers"], "应有2至12个成员事项")
    set(&e, "packageMembers", "")
    XCTAssertEqual(e.build().problems["packageShared"], "只有一件事(填写了成员事项)才有共享材料")

    // Saved, the store judges the members against the catalog as it stands.
    let zhaolei = try XCTUnwrap(try store.staff(login: "zhaolei"))
    set(&e, "packageShared", "")
    set(&e, "packageMembers", "SCJG-DJ-003、SCJG-DJ-001")
    let sameOrg = try XCTUnwrap(e.build().proposal)
    XCTAssertThrowsError(try store.draftCatalogChange(sameOrg, by: zhaolei)) {
      XCTAssertTrue("\($0)".contains("至少两个单位"), "\($0)")
    }
    set(&e, "packageMembers", "SCJG-DJ-003、MZJ-JF-001")
    XCTAssertNoThrow(try store.draftCatalogChange(try XCTUnwrap(e.build().proposal), by: zhaolei))
  }
}
