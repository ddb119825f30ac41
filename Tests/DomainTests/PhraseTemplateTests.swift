import Domain
import XCTest

/// 常用语: the kinds named after the forms' fields, the text rules, the fold of its events and
/// who may keep which scope.
final class PhraseTemplateTests: XCTestCase {
  let context = FoldContext(calendar: WorkCalendar(entries: [], loadedYears: []))
  let admin = Staff(login: "zhangmin", name: "张敏", org: "ZWZX", roles: [.admin, .supervisor])
  let townshipAdmin = Staff(login: "wxgl", name: "王岘管理员", org: "WXZ", roles: [.admin])

  func event(_ draft: EventDraft, seq: Int64) -> Event {
    Event(
      origin: "BYQ.1", seq: seq, stream: draft.stream, type: draft.type, payload: draft.payload,
      actor: "zhangmin", node: "BYQ", timestamp: 1000 * seq, prevHash: "", hash: "")
  }

  func fold(_ drafts: [EventDraft]) -> (PhraseTemplate?, [Conflict]) {
    let events = drafts.enumerated().map { event($0.element, seq: Int64($0.offset + 1)) }
    let (state, conflicts) = PhraseReducer.foldFromStart(events, context)
    return (state, conflicts)
  }

  func testKindsFollowTheFieldsLabels() {
    XCTAssertEqual(PhraseKind.forField(label: "办理结果"), .conclusion)
    XCTAssertEqual(PhraseKind.forField(label: "回访记录"), .callback)
    XCTAssertEqual(PhraseKind.forField(label: "督办要求"), .supervision)
    XCTAssertEqual(PhraseKind.forField(label: "不予受理理由"), .refusal)
    XCTAssertEqual(PhraseKind.forField(label: "延长理由"), .extensionReason)
    XCTAssertEqual(PhraseKind.forField(label: "审查意见"), .opinion)
    XCTAssertEqual(PhraseKind.forField(label: "撤回原因"), .other, "an unlisted label is 其他说明")
    XCTAssertEqual(PhraseKind.allCases.count, Set(PhraseKind.allCases.map(\.title)).count)
  }

  func testAKindIsTypedByCodeOrTitle() throws {
    XCTAssertEqual(try PhraseKind.parse("callback").get(), .callback)
    XCTAssertEqual(try PhraseKind.parse(" 督办要求 ").get(), .supervision)
    XCTAssertEqual(try PhraseKind.parse("extension").get(), .extensionReason)
    guard case .failure(let r) = PhraseKind.parse("结论") else { return XCTFail("accepted") }
    XCTAssertTrue(r.message.hasPrefix("常用语类别「结论」无效,可用: conclusion(办理结论)"), r.message)
  }

  func testTheTextIsOneCheckedParagraph() {
    XCTAssertEqual(try PhraseTemplate.checkText("  已电话回访。 ").get(), "已电话回访。")
    func refusal(_ text: String) -> String? {
      if case .failure(let r) = PhraseTemplate.checkText(text) { return r.message }
      return nil
    }
    XCTAssertEqual(refusal("   "), "「常用语」不能为空")
    XCTAssertEqual(refusal("已回访\u{1B}[31m"), "「常用语」含有控制字符")
    XCTAssertEqual(refusal("已回访\u{202E}"), "「常用语」含有控制字符")
    XCTAssertEqual(refusal("第一行\n第二行"), "常用语只能是一段文字,不能换行")
    XCTAssertEqual(refusal(String(repeating: "字", count: 501)), "「常用语」不能超过500个字")
    XCTAssertNil(refusal(String(repeating: "字", count: 500)))
  }

  func testTheFoldFollowsAddEditMoveRetire() {
    let (state, conflicts) = fold([
      PhraseReducer.added(id: "BYQ-1", kind: .callback, org: nil, text: "已回访。", position: 1),
      PhraseReducer.edited("BYQ-1", kind: .callback, text: "已电话回访。"),
      PhraseReducer.moved("BYQ-1", to: 3),
    ])
    XCTAssertEqual(conflicts, [])
    XCTAssertEqual(
      state,
      PhraseTemplate(id: "BYQ-1", kind: .callback, org: nil, text: "已电话回访。", position: 3))
    let (retired, after) = fold([
      PhraseReducer.added(id: "BYQ-1", kind: .note, org: "WXZ", text: "已联系。", position: 1),
      PhraseReducer.retired("BYQ-1"),
      PhraseReducer.edited("BYQ-1", kind: .note, text: "停用后改"),
    ])
    XCTAssertEqual(retired?.retired, true)
    XCTAssertEqual(retired?.text, "已联系。", "nothing changes a retired template")
    XCTAssertEqual(after.map(\.message), ["常用语 BYQ-1 已停用"])
    let (none, orphan) = fold([PhraseReducer.retired("BYQ-9")])
    XCTAssertNil(none)
    XCTAssertEqual(orphan.map(\.message), ["常用语不存在"])
  }

  /// The scope an edit is judged by is the one its template was added with.
  func testTheScopeOfAnEventIsItsTemplates() {
    let added = event(
      PhraseReducer.added(id: "WXZ-1", kind: .note, org: "WXZ", text: "已联系。", position: 1),
      seq: 1)
    let edit = event(PhraseReducer.edited("WXZ-1", kind: .note, text: "改"), seq: 2)
    XCTAssertEqual(PhraseReducer.scope(of: added, before: [], context), .some("WXZ"))
    XCTAssertEqual(PhraseReducer.scope(of: edit, before: [added], context), .some("WXZ"))
    XCTAssertNil(PhraseReducer.scope(of: edit, before: [], context) as String??)
  }

  func authority(at author: String) -> PhraseAuthority {
    let served = ["WXZ": "WXZ", "SLZ": "SLZ", "ZWZX": "BYQ", "SCJG": "BYQ"]
    return PhraseAuthority(
      district: "BYQ", author: author, servingNode: { served[$0] ?? "" },
      organisationName: { ["SCJG": "区市场监督管理局", "SLZ": "四龙镇"][$0] ?? $0 })
  }

  func testTheDistrictsAdminsKeepEveryScopeATownshipsOnlyItsOwn() {
    let district = authority(at: "BYQ")
    XCTAssertNil(district.refusal(admin, scope: nil))
    XCTAssertNil(district.refusal(admin, scope: "WXZ"))
    XCTAssertNil(district.refusal(admin, scope: "SCJG"))
    let township = authority(at: "WXZ")
    XCTAssertNil(township.refusal(townshipAdmin, scope: "WXZ"))
    XCTAssertEqual(
      township.refusal(townshipAdmin, scope: nil)?.message,
      "「全区通用」常用语由区级节点维护,本节点只能维护所服务单位的常用语(指定单位)")
    XCTAssertEqual(
      township.refusal(townshipAdmin, scope: "SLZ")?.message, "「四龙镇」的常用语由区级节点或其所在节点维护")
    XCTAssertEqual(
      township.refusal(admin, scope: "WXZ")?.message, "张敏不是本节点(WXZ)的系统管理员,不能维护这里的常用语")
    let handler = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
    XCTAssertEqual(
      township.refusal(handler, scope: "WXZ")?.message, "郑涛没有系统管理角色,不能维护常用语")
    var disabled = townshipAdmin
    disabled.disabled = true
    XCTAssertNotNil(township.refusal(disabled, scope: "WXZ"))
    XCTAssertNotNil(township.refusal(townshipAdmin, scope: "NOPE"), "no node serves it")
  }
}
