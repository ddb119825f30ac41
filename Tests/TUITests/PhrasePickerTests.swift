import Domain
import XCTest

@testable import Store
@testable import TUI

/// The templates the picker is given, by kind; records what it was asked.
final class FakePhraseSource: PhraseSource {
  var templates: [PhraseTemplate]
  var asked: [(PhraseKind, String)] = []

  init(_ templates: [PhraseTemplate]) { self.templates = templates }

  func phrasesOffered(_ kind: PhraseKind, to staff: Staff, limit: Int) throws -> [PhraseTemplate] {
    asked.append((kind, staff.org))
    let mine = templates.filter { $0.kind == kind && $0.org == staff.org }
    return mine + templates.filter { $0.kind == kind && $0.org == nil }
  }
}

/// F6 in a multi-line field: the field's kind, the operator's organisation first, Enter inserts
/// at the caret, the limit is kept with a message, Esc loses nothing.
final class PhrasePickerTests: XCTestCase {
  let township = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
  static let templates = [
    PhraseTemplate(
      id: "BYQ-1", kind: .conclusion, org: nil, text: "经核实,反映情况属实,已责成相关单位整改完毕,并将处理结果告知投诉人。",
      position: 1),
    PhraseTemplate(
      id: "BYQ-2", kind: .conclusion, org: nil, text: "经核实,反映情况与事实不符,已向投诉人说明情况。", position: 2),
    PhraseTemplate(
      id: "BYQ-4", kind: .conclusion, org: "WXZ", text: "经镇便民服务中心现场核实,已协调村委会解决。", position: 1),
    PhraseTemplate(id: "BYQ-6", kind: .callback, org: nil, text: "已电话回访,投诉人满意。", position: 1),
  ]

  /// A township clerk's 办结 form on a complaint dispatched to 王岘镇.
  func concluding(_ source: FakePhraseSource) throws -> Workstation {
    let (c, events) = ComplaintFixture.fold(
      "BYQ-2026-000030",
      [
        ("2026-11-26T08:30", "chenjing", .registered(ComplaintFixture.registration("村道积水"))),
        ("2026-11-26T08:45", "chenjing", ComplaintFixture.toWXZ),
      ])
    let service = FakeComplaintService(rows: [QueueFixture.row(30, "2026-12-01", "村道积水")])
    service.complaints["BYQ-2026-000030"] = try XCTUnwrap(c)
    service.eventsByStream["complaint/BYQ-2026-000030"] = events
    var ws = Workstation(
      panes: [ComplaintsPane(service: service)], context: makeContext(staff: township))
    ws.phrases = source
    ws.handle(.enter)
    ws.handle(.char("c"))
    return ws
  }

  func text(_ ws: Workstation) throws -> String {
    let pane = try XCTUnwrap(ws.activePane as? ComplaintsPane)
    guard case .form(let form, _)? = pane.flow.overlay else { return "" }
    return form["text"]
  }

  func testF6ListsTheFieldsKindAndInsertsAtTheCaret() throws {
    let source = FakePhraseSource(Self.templates)
    var ws = try concluding(source)
    for ch in "村道积水。" { ws.handle(.char(ch)) }
    ws.handle(.left)
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("F6常用语"), "the key bar says so")
    ws.handle(.function(6))
    XCTAssertEqual(source.asked.map(\.0), [.conclusion])
    XCTAssertEqual(source.asked.map(\.1), ["WXZ"])
    assertGolden(ws.render(width: 80, height: 24), "phrase-picker-80x24")
    assertGolden(ws.render(width: 120, height: 40), "phrase-picker-120x40")
    ws.handle(.down)
    ws.handle(.enter)
    XCTAssertNil(ws.phrasing)
    XCTAssertEqual(try text(ws), "村道积水经核实,反映情况属实,已责成相关单位整改完毕,并将处理结果告知投诉人。。")
    XCTAssertEqual(ws.toast, .info("已插入常用语,可继续修改"))
  }

  func testTypingNarrowsTheListAndEscLosesNothing() throws {
    var ws = try concluding(FakePhraseSource(Self.templates))
    for ch in "已处理" { ws.handle(.char(ch)) }
    ws.handle(.function(6))
    for ch in "不符" { ws.handle(.char(ch)) }
    XCTAssertEqual(ws.phrasing?.picker.matches.map(\.id), ["BYQ-2"])
    ws.handle(.escape)
    XCTAssertNil(ws.phrasing)
    XCTAssertEqual(try text(ws), "已处理", "nothing inserted, nothing lost")
    XCTAssertEqual(ws.toast, .info("未插入常用语,输入框内容未改动"))
    ws.handle(.escape)
    XCTAssertTrue(ws.confirmingDiscard, "the form is still open and changed: Esc asks first")
  }

  func testATemplateThatWouldOverflowIsRefusedWithTheCounts() throws {
    var ws = try concluding(FakePhraseSource(Self.templates))
    for _ in 0..<980 { ws.handle(.char("字")) }
    ws.handle(.function(6))
    ws.handle(.enter)
    let message = "「办理结果」最多1000字,已有980字,这条常用语22字,插入后超出2字,未插入"
    XCTAssertEqual(ws.phrasing?.problem, message)
    XCTAssertTrue(ws.render(width: 120, height: 40).text.contains(message))
    XCTAssertEqual(try text(ws).count, 980)
    ws.handle(.escape)
    XCTAssertEqual(try text(ws).count, 980)
  }

  /// No template of the kind: said at once, nothing opens. Outside a multi-line field F6 is not
  /// taken (a list has none).
  func testNoTemplatesAndNoFieldAreSaid() throws {
    var ws = try concluding(FakePhraseSource([]))
    ws.handle(.function(6))
    XCTAssertNil(ws.phrasing)
    XCTAssertEqual(
      ws.toast, .info("没有「办理结论」类的常用语;系统管理员可在「系统管理」的常用语中添加"))
    ws.handle(.escape)
    ws.handle(.escape)
    ws.handle(.function(6))
    XCTAssertNil(ws.phrasing)
  }

  func testEveryMultiLineFieldHasAKindAndTheRefusalNoteIsARefusalReason() {
    let form = Form(
      title: "t",
      fields: [
        .area("a", "回访记录"), .area("b", "说明").phrases(.refusal), .area("c", "撤回原因"),
        .text("d", "回访记录"),
      ])
    var f = form
    XCTAssertEqual(f.phraseSlot?.kind, .callback)
    f.move(1)
    XCTAssertEqual(f.phraseSlot?.kind, .refusal)
    f.move(1)
    XCTAssertEqual(f.phraseSlot?.kind, .other)
    f.move(1)
    XCTAssertNil(f.phraseSlot, "a one-line field takes none")
  }
}
