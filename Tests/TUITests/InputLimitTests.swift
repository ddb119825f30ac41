import Domain
import Foundation
import XCTest

@testable import TUI

/// Every text input shows its count as it nears the limit and says so when a character is
/// refused: nothing typed is cut without a word.
final class InputLimitTests: XCTestCase {
  func testAFormFieldCountsNearItsLimitAndRefusesMoreWithAMessage() {
    var form = Form(title: "登记", fields: [.text("name", "单位名称", max: 12)])
    for c in "白银区某某商贸" { _ = form.handle(.char(c)) }
    XCTAssertNil(form.field("name")?.limitNote, "far from the limit: no count")
    for c in "有限公司" { _ = form.handle(.char(c)) }
    XCTAssertEqual(form.field("name")?.limitNote, "11/12字")
    var frame = Frame(width: 80, height: 4)
    form.render(into: &frame, area: frame.bounds)
    XCTAssertTrue(frame.text.contains("11/12字"), frame.text)
    for c in "分公司" { _ = form.handle(.char(c)) }
    XCTAssertEqual(form["name"], "白银区某某商贸有限公司分")
    XCTAssertEqual(form.field("name")?.error, "已满12字,未录入")
    frame = Frame(width: 80, height: 4)
    form.render(into: &frame, area: frame.bounds)
    XCTAssertTrue(frame.text.contains("已满12字,未录入"), frame.text)
    _ = form.handle(.backspace)
    XCTAssertNil(form.field("name")?.error, "an edit clears the refusal")
  }

  func testATextAreaRefusesPastItsLimitWithAMessage() {
    var form = Form(title: "登记", fields: [.area("content", "内容", max: 6, lines: 2)])
    for c in "路灯损坏无人修理" { _ = form.handle(.char(c)) }
    XCTAssertEqual(form["content"], "路灯损坏无人")
    XCTAssertEqual(form.field("content")?.error, "已满6字,未录入")
  }

  /// 单位名称 of the walk-in form stopped at 60 characters without a word.
  func testTheRegistrationFormSaysWhenTheFirmsNameIsFull() throws {
    let desk = try IntakeDesk()
    let context = try desk.context("liuyang")
    var ws = Workstation(panes: [ApplicationsPane(service: desk.service)], context: context)
    ws.handle(.function(2))
    for c in "个体工商户设立" { ws.handle(.char(c)) }
    ws.handle(.enter)
    ws.handle(.backTab)
    ws.handle(.right)
    ws.handle(.tab)
    guard case .registration(let e) = (ws.panes[0] as? ApplicationsPane)?.layer else {
      return XCTFail("no form")
    }
    XCTAssertEqual(e.applicantKind, .organisation)
    let name = String(repeating: "白银区金穗餐饮管理有限责任公司", count: 5)
    for c in name { ws.handle(.char(c)) }
    guard case .registration(let full) = (ws.panes[0] as? ApplicationsPane)?.layer else {
      return XCTFail("form lost")
    }
    XCTAssertEqual(full.name.text.count, 60)
    XCTAssertEqual(full.errors[.name], "已满60字,未录入")
    let frame = ws.render(width: 120, height: 40)
    XCTAssertTrue(frame.text.contains("已满60字,未录入"), frame.text)
  }
}
