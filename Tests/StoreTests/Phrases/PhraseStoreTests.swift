import Domain
import Foundation
import XCTest

@testable import Store

/// 常用语 in the store: each change an event with its projection, the same checks as the
/// command line, the picker's order, and a rebuild that gives the same rows.
final class PhraseStoreTests: XCTestCase {
  var store: Store!
  let admin = Staff(login: "zhangmin", name: "张敏", org: "ZWZX", roles: [.admin, .supervisor])

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func texts(_ kind: PhraseKind, for staff: Staff) throws -> [String] {
    try store.phrasesOffered(kind, to: staff).map(\.text)
  }

  func testEachChangeIsAnEventWithItsProjection() throws {
    let before = try store.eventCount()
    let p = try store.addPhrase(kind: .callback, org: "SCJG", text: " 已上门回访。 ", by: admin)
    XCTAssertEqual(p.text, "已上门回访。")
    XCTAssertEqual(p.position, 1)
    XCTAssertEqual(try store.phrase(p.id), p)
    try store.editPhrase(p.id, kind: nil, text: "已上门回访,群众满意。", by: admin)
    let second = try store.addPhrase(kind: .callback, org: "SCJG", text: "已电话回访。", by: admin)
    XCTAssertEqual(second.position, 2)
    try store.movePhrase(second.id, up: true, by: admin)
    XCTAssertEqual(
      try store.phrases(kind: .callback, org: .some("SCJG")).map(\.text), ["已电话回访。", "已上门回访,群众满意。"])
    try store.retirePhrase(second.id, by: admin)
    XCTAssertEqual(try store.phrases(kind: .callback, org: .some("SCJG")).map(\.id), [p.id])
    XCTAssertEqual(try store.phrase(second.id)?.retired, true)
    let types = try store.events(stream: PhraseReducer.stream(second.id)).map(\.type)
    XCTAssertEqual(types, [.phraseAdded, .phraseMoved, .phraseRetired])
    // add, edit, add, two moves, retire
    XCTAssertEqual(try store.eventCount(), before + 6)
    let live = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
    XCTAssertEqual(try store.auditFindings(), [])
  }

  /// Changing the kind puts it at the end of its new list.
  func testAnEditOfTheKindMovesItToTheEnd() throws {
    let p = try store.addPhrase(kind: .note, org: nil, text: "已转交经办人。", by: admin)
    try store.editPhrase(p.id, kind: .other, text: nil, by: admin)
    let others = try store.phrases(kind: .other, org: .some(nil))
    XCTAssertEqual(others.last?.id, p.id)
    XCTAssertEqual(others.last?.position, others.count)
  }

  /// Their organisation's templates first, then the district's; retired ones never.
  func testThePickerOffersTheOrganisationsFirst() throws {
    let clerk = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
    let offered = try texts(.conclusion, for: clerk)
    XCTAssertEqual(
      Array(offered.prefix(2)), ["经镇便民服务中心现场核实,已协调村委会解决,投诉人表示认可。", "已会同镇农业综合服务中心上门处理,问题已解决。"])
    XCTAssertEqual(offered.count, 5)
    let other = Staff(login: "huangmei", name: "黄梅", org: "SLZ", roles: [.handler])
    XCTAssertEqual(try texts(.conclusion, for: other).count, 3, "only the district's")
    let first = try XCTUnwrap(try store.phrasesOffered(.conclusion, to: clerk).first)
    try store.retirePhrase(first.id, by: admin)
    XCTAssertEqual(try texts(.conclusion, for: clerk).count, 4)
  }

  func testRefusalsAreTheStoresWordsAndChangeNothing() throws {
    let before = try store.eventCount()
    func refusal(_ body: () throws -> Void) -> String? {
      do {
        try body()
        return nil
      } catch { return (error as? Refusal)?.message ?? "\(error)" }
    }
    let handler = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
    XCTAssertEqual(
      refusal { try store.addPhrase(kind: .note, org: "WXZ", text: "已联系。", by: handler) },
      "郑涛没有系统管理角色,不能维护常用语")
    XCTAssertEqual(
      refusal { try store.addPhrase(kind: .note, org: "NOPE", text: "已联系。", by: admin) },
      "单位「NOPE」不存在,可用 zwfw org list 查看单位代码")
    XCTAssertEqual(
      refusal { try store.addPhrase(kind: .other, org: nil, text: "详见附件材料。", by: admin) },
      "已有相同的「其他说明」常用语 BYQ-28")
    XCTAssertEqual(
      refusal { try store.addPhrase(kind: .note, org: nil, text: "\u{1B}]0;x\u{7}", by: admin) },
      "「常用语」含有控制字符")
    XCTAssertEqual(
      refusal { try store.editPhrase("BYQ-999", kind: nil, text: "x", by: admin) },
      "常用语 BYQ-999 不存在,可用 zwfw templates list 查看编号")
    XCTAssertEqual(
      refusal { try store.editPhrase("BYQ-1", kind: nil, text: nil, by: admin) }, "常用语 BYQ-1 没有改动")
    XCTAssertEqual(refusal { try store.movePhrase("BYQ-1", up: true, by: admin) }, "常用语 BYQ-1 已在最前")
    XCTAssertEqual(try store.eventCount(), before)
    XCTAssertTrue(
      try store.refusals(limit: 10).contains { $0.action == "维护常用语" && $0.actor == "zhengtao" })
  }
}
