import Domain
import Foundation
import XCTest

@testable import Store

/// 常用语 between the district and a township: the district's 全区通用 templates and those of the
/// township's organisations flow down, the township's own come up, and nothing from a bundle is
/// applied unless its author could have written it at the district.
final class SyncPhraseTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!
  let townshipAdmin = Staff(login: "wxgl", name: "王岘管理员", org: "WXZ", roles: [.admin])

  override func setUpWithError() throws {
    world = try SyncWorld()
    try world.district.addStaff(townshipAdmin, by: world.admin)
    township = try world.enrol("WXZ", name: "王岘镇")
    try world.sync(world.district, township)
  }

  func texts(_ store: Store) throws -> Set<String> { Set(try store.phrases().map(\.text)) }

  func testDistrictWideGoDownAndATownshipsOwnComeUp() throws {
    let d = world.district
    world.clock.advance()
    try d.addPhrase(kind: .callback, org: nil, text: "已电话回访,群众满意。", by: world.admin)
    let forWXZ = try d.addPhrase(kind: .conclusion, org: "WXZ", text: "已协调村委会解决。", by: world.admin)
    try d.addPhrase(kind: .conclusion, org: "SLZ", text: "四龙镇的结论。", by: world.admin)
    try world.sync(d, township)
    XCTAssertEqual(try texts(township), ["已电话回访,群众满意。", "已协调村委会解决。"], "never another township's")

    world.clock.advance()
    let own = try township.addPhrase(kind: .note, org: "WXZ", text: "已入户走访。", by: townshipAdmin)
    XCTAssertEqual(own.id, "WXZ-1")
    try township.editPhrase(forWXZ.id, kind: nil, text: "已协调村委会解决,群众认可。", by: townshipAdmin)
    XCTAssertThrowsError(
      try township.addPhrase(kind: .note, org: nil, text: "全区的", by: townshipAdmin)
    ) {
      XCTAssertEqual(
        ($0 as? Refusal)?.message, "「全区通用」常用语由区级节点维护,本节点只能维护所服务单位的常用语(指定单位)")
    }
    try world.sync(township, d)
    XCTAssertEqual(try d.phrase("WXZ-1")?.text, "已入户走访。")
    XCTAssertEqual(try d.phrase(forWXZ.id)?.text, "已协调村委会解决,群众认可。")
    XCTAssertEqual(try d.openConflicts(), [])
    for store in [d, township!] {
      XCTAssertEqual(try store.auditFindings(), [])
      let live = try store.projectionDump()
      try store.rebuild()
      XCTAssertEqual(try store.projectionDump(), live)
    }
  }

  /// Writes an event into the township's chain as a script with the township's database would.
  func forge(_ draft: EventDraft, actor: String = "wxgl") throws {
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [draft], origin: w.node.origin, node: "WXZ", actor: actor, timestamp: ms, db: w.db)
    }
  }

  func testAForgedBundleIsHeldEventByEvent() throws {
    let d = world.district
    world.clock.advance()
    let shared = try d.addPhrase(kind: .callback, org: nil, text: "已电话回访。", by: world.admin)
    try world.sync(d, township)
    try forge(PhraseReducer.added(id: "WXZ-90", kind: .note, org: nil, text: "冒充全区", position: 1))
    try forge(PhraseReducer.edited(shared.id, kind: .callback, text: "篡改全区的"))
    try forge(
      PhraseReducer.added(id: "WXZ-91", kind: .note, org: "SLZ", text: "冒充四龙镇", position: 1))
    try forge(
      PhraseReducer.added(id: "WXZ-92", kind: .note, org: "WXZ", text: "经办人冒充管理员", position: 1),
      actor: "zhengtao")
    try forge(PhraseReducer.added(id: "WXZ-93", kind: .note, org: "WXZ", text: "本镇的", position: 1))
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: d)
    XCTAssertEqual(summary.held, 4)
    XCTAssertEqual(try texts(d), ["已电话回访。", "本镇的"])
    XCTAssertEqual(
      try d.openConflicts().map(\.message),
      [
        "未采纳: 「全区通用」常用语由区级节点维护,本节点只能维护所服务单位的常用语(指定单位)",
        "未采纳: 「全区通用」常用语由区级节点维护,本节点只能维护所服务单位的常用语(指定单位)",
        "未采纳: 「四龙镇」的常用语由区级节点或其所在节点维护",
        "未采纳: 郑涛没有系统管理角色,不能维护常用语",
      ])
    XCTAssertTrue(try d.verifyAudit().isIntact)
    try d.rebuild()
    XCTAssertEqual(try texts(d), ["已电话回访。", "本镇的"], "a rebuild keeps them out")
    XCTAssertEqual(try d.auditFindings(), [])
  }
}
