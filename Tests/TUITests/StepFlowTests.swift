import Domain
import XCTest

@testable import TUI

/// The generic pieces every pane is built from: the step flow, the queue, typed fields, effects.
final class StepFlowTests: XCTestCase {
  enum Purpose: Equatable, Sendable { case note }

  func typedForm() -> Form {
    Form(
      title: "测试",
      fields: [
        .area("text", "内容", max: 20, required: true),
        .int("days", "天数", range: 1...30, value: 3),
      ])
  }

  func testARefusedStepGivesItsFormBackWithEverythingTypedAndTheReason() {
    var flow = StepFlow<Purpose, String>()
    var form = typedForm()
    for c in "路灯不亮" { _ = form.handle(.char(c)) }
    flow.show(form, .note)
    guard case .submitted(let submitted, .note) = flow.handle(.function(5)) else {
      return XCTFail("F5 submits")
    }
    flow.confirm("确认", ["确定?"], "work", done: "已完成")
    guard case .confirmed(let pending) = flow.handle(.char("y")) else {
      return XCTFail("y confirms")
    }
    XCTAssertEqual(pending.work, "work")
    XCTAssertEqual(flow.performRefused("案件已被他人办结"), .toast(.error("案件已被他人办结")))
    guard case .form(let back, .note)? = flow.overlay else { return XCTFail("form lost") }
    XCTAssertEqual(back["text"], submitted["text"])
    XCTAssertEqual(back["text"], "路灯不亮")
    XCTAssertEqual(back.message, "案件已被他人办结")
    XCTAssertNil(flow.pending)
  }

  func testConfirmingAndCancellingReturnsToTheFormAndDoneClosesIt() {
    var flow = StepFlow<Purpose, String>()
    flow.show(typedForm(), .note)
    flow.confirm("确认", ["确定?"], "work", done: "已完成")
    guard case .cancelled(.info("已取消")?) = flow.handle(.escape) else {
      return XCTFail("Esc cancels the confirmation")
    }
    guard case .form = flow.overlay else { return XCTFail("back to the form") }
    flow.confirm("确认", ["确定?"], "work", done: "已完成")
    _ = flow.handle(.enter)
    XCTAssertEqual(flow.performed(), .info("已完成"))
    XCTAssertNil(flow.overlay)
    // A step without a form closes on refusal.
    flow.confirm("确认", ["确定?"], "other", done: "好")
    _ = flow.handle(.enter)
    XCTAssertEqual(flow.performRefused("不行"), .toast(.error("不行")))
    XCTAssertNil(flow.overlay)
  }

  func testTypedFieldsCheckTheirRangeAndReadBackTyped() {
    var form = typedForm()
    XCTAssertEqual(form.validate(), "请填写标记为必填的项目")
    form.update("text") { $0.input = .area(TextArea(text: "有内容", maxLength: 20, lines: 3)) }
    form.update("days") { $0.input = .text(TextField(label: "天数", text: "31", maxLength: 2)) }
    XCTAssertEqual(form.validate(), "应为1至30的整数")
    XCTAssertEqual(form.field("days")?.error, "应为1至30的整数")
    XCTAssertNil(form.int("days"))
    XCTAssertNil(form.validate(skipping: ["days"]))
    form.update("days") { $0.input = .text(TextField(label: "天数", text: "30", maxLength: 2)) }
    XCTAssertNil(form.validate())
    XCTAssertEqual(form.int("days"), 30)

    let choice = Form(
      title: "t",
      fields: [
        .choice("m", "方式", CallbackMethod.self, value: .sms),
        .date("d", "日期", value: CivilDate(iso: "2026-03-05")),
      ])
    XCTAssertEqual(choice.choice("m", as: CallbackMethod.self), .sms)
    XCTAssertEqual(choice.date("d"), CivilDate(iso: "2026-03-05"))
    var bad = choice
    bad.update("d") { $0.input = .text(TextField(label: "日期", text: "2026-13-01", maxLength: 10)) }
    XCTAssertEqual(bad.validate(), "日期格式应为 YYYY-MM-DD")
  }

  struct Failure: Error, CustomStringConvertible { var description: String { "读不到" } }

  func testTheQueueReadsAPageAtATimeAndShowsWhyItCouldNotRead() {
    var q = QueueView<Int, String>(filter: "")
    q.pageSize = 3
    let first = q.firstPage()
    XCTAssertEqual(first, PageRequest(offset: 0, limit: 3))
    q.received(first, .success([1, 2, 3]))
    XCTAssertNil(q.move(.down))
    guard let next = q.move(.down) else { return XCTFail("the last row asks for the next page") }
    XCTAssertEqual(next, PageRequest(offset: 3, limit: 3))
    q.received(next, .success([4]))
    XCTAssertTrue(q.exhausted)
    XCTAssertEqual(q.rows, [1, 2, 3, 4])
    XCTAssertNil(q.move(.end))
    // A later page that fails keeps the rows and says why; a first page shows why instead.
    var r = QueueView<Int, String>(filter: "")
    r.pageSize = 2
    r.received(r.firstPage(), .success([1, 2]))
    _ = r.move(.down)
    XCTAssertNotNil(r.received(PageRequest(offset: 2, limit: 2), .failure(Failure())))
    XCTAssertEqual(r.rows, [1, 2])
    r.received(r.firstPage(), .failure(Failure()))
    XCTAssertEqual(r.rows, [])
    XCTAssertNotNil(r.problem)
  }

  func testSearchIsTypedCheckedAndRecalled() {
    var q = QueueView<Int, String>(filter: "")
    q.startSearch()
    for c in "路灯" { XCTAssertEqual(q.handleSearch(.char(c)), .typing) }
    XCTAssertEqual(q.handleSearch(.enter), .applied("路灯"))
    XCTAssertFalse(q.isSearching)
    q.startSearch()
    XCTAssertEqual(q.searchField?.text, "")
    _ = q.handleSearch(.up)
    XCTAssertEqual(q.searchField?.text, "路灯")
    XCTAssertEqual(q.handleSearch(.escape), .cancelled)
  }

  func testGlobalKeysComeFromOneTable() {
    XCTAssertEqual(GlobalKeys.section.command(for: .char("?"), as: GlobalCommand.self), .help)
    XCTAssertEqual(GlobalKeys.section.command(for: .char("3"), as: GlobalCommand.self), .jump)
    XCTAssertNil(GlobalKeys.inTextField.command(for: .char("q"), as: GlobalCommand.self))
    XCTAssertEqual(
      GlobalKeys.inTextField.command(for: .function(10), as: GlobalCommand.self), .quit)
    XCTAssertTrue(GlobalKeys.preempts(.quit, .function(10)))
    XCTAssertFalse(GlobalKeys.preempts(.quit, .char("q")))
  }

  func testAnEventThatCannotBeDecodedSaysSoInTheTimeline() {
    let broken = Event(
      origin: "BYQ", seq: 1, stream: "rectification:R1", type: .rectificationVerified,
      payload: "{\"oops\":1}", actor: "a", node: "BYQ", timestamp: 0, prevHash: "", hash: "")
    XCTAssertEqual(
      Timeline.describe(broken), "事件内容无法解析(\(EventType.rectificationVerified.rawValue))")
  }
}
