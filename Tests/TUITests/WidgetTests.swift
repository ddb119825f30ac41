import Domain
import XCTest

@testable import TUI

final class WidgetTests: XCTestCase {
  func testTableLinesUpColumnsWithChineseAndMarksTruncation() {
    var frame = Frame(width: 50, height: 5)
    let columns = [
      TableColumn("期限", width: 8), TableColumn("编号", width: 15),
      TableColumn("事项", width: 10, flexible: true),
    ]
    let rows = [
      TableRow([TableCell("剩3日", style: .ok), "BYQ-2026-000001", "个体工商户设立登记申请材料齐全"]),
      TableRow([TableCell("超期12日", style: .danger), "BYQ-2026-000002", "食品经营许可"]),
    ]
    TableView.render(
      columns: columns, rows: rows, cursor: ListCursor(selected: 1), into: &frame,
      area: frame.bounds)
    assertGolden(frame, "table-50x5")
    for y in 0..<3 { XCTAssertEqual(DisplayWidth.of(frame.line(y)), 50) }
    XCTAssertEqual(frame[0, 2].style, .danger)
  }

  func testListCursorKeepsSelectionVisible() {
    var c = ListCursor()
    for _ in 0..<12 { _ = c.handle(.down, count: 20, page: 5) }
    XCTAssertEqual(c.selected, 12)
    XCTAssertEqual(c.top, 8)
    _ = c.handle(.end, count: 20, page: 5)
    XCTAssertEqual(c.selected, 19)
    _ = c.handle(.pageUp, count: 20, page: 5)
    XCTAssertEqual(c.selected, 14)
    c.clamp(count: 3, page: 5)
    XCTAssertEqual(c.selected, 2)
    XCTAssertEqual(c.top, 0)
  }

  func testFormKeepsValuesOnErrorsAndMovesFocus() {
    var form = Form(
      title: "登记",
      fields: [
        .text("name", "姓名", required: true),
        .choice("channel", "渠道", ["窗口", "网上", "掌上", "自助"]),
        .area("content", "内容", lines: 2, required: true),
      ])
    for c in "李四" { _ = form.handle(.char(c)) }
    _ = form.handle(.tab)
    _ = form.handle(.right)
    XCTAssertEqual(form["channel"], "网上")
    for c in "网" { _ = form.handle(.char(c)) }
    XCTAssertEqual(form["channel"], "网上")
    XCTAssertEqual(form.handle(.function(5)), .submit)
    XCTAssertFalse(form.checkRequired())
    XCTAssertEqual(form.firstError, "content")
    XCTAssertEqual(form["name"], "李四")
    var frame = Frame(width: 80, height: 10)
    form.render(into: &frame, area: frame.bounds)
    assertGolden(frame, "form-80x10")
  }

  func testChoiceFieldFindsOptionByTyping() {
    var c = ChoiceField(options: ["区政务服务中心", "王岘镇", "四龙镇", "水川镇"])
    _ = c.handle(.char("四"))
    XCTAssertEqual(c.value, "四龙镇")
    _ = c.handle(.char("龙"))
    XCTAssertEqual(c.value, "四龙镇")
    _ = c.handle(.left)
    XCTAssertEqual(c.value, "王岘镇")
  }

  func testTextAreaWrapsAndPutsCaretOnTheRightLine() {
    var area = TextArea(lines: 3)
    for c in "申请人反映窗口办理营业执照等待时间过长" { _ = area.handle(.char(c), width: 10) }
    var frame = Frame(width: 12, height: 3)
    area.render(into: &frame, x: 0, y: 0, width: 10, focused: true)
    XCTAssertEqual(frame.line(0).trimmingCharacters(in: .whitespaces), "窗口办理营")
    XCTAssertEqual(frame.cursor?.y, 2)
    _ = area.handle(.up, width: 10)
    XCTAssertEqual(area.caret, 14)
  }

  func testPickerFiltersAsYouType() {
    var p = Picker(
      title: "选择事项",
      options: [
        .init(id: "1", label: "个体工商户设立登记", keywords: "GT001"),
        .init(id: "2", label: "食品经营许可", keywords: "SP002"),
        .init(id: "3", label: "食品小作坊登记", keywords: "SP003"),
      ])
    XCTAssertEqual(p.handle(.char("食")), .filterChanged("食"))
    XCTAssertEqual(p.matches.map(\.id), ["2", "3"])
    _ = p.handle(.down)
    XCTAssertEqual(p.handle(.enter), .picked(.init(id: "3", label: "食品小作坊登记", keywords: "SP003")))
    var q = p
    _ = q.handle(.control("u"))
    for c in "gt0" { _ = q.handle(.char(c)) }
    XCTAssertEqual(q.matches.map(\.id), ["1"])
  }

  /// The database matched 「dibao」 by an alias's pinyin: the picker used to filter its answer again
  /// by label and show 共0项.
  func testPickerShowsWhatTheDatabaseFoundForTheTextTyped() {
    var p = Picker(title: "选择事项", options: [])
    for c in "dibao" { _ = p.handle(.char(c)) }
    p.setOptions([.init(id: "MZJ-JF-001", label: "最低生活保障金给付")], searchedFor: "dibao")
    XCTAssertEqual(p.matches.map(\.id), ["MZJ-JF-001"])
    _ = p.handle(.char("x"))  // until the next answer, what was found narrows by label as before
    XCTAssertEqual(p.matches.map(\.id), [])
  }

  func testConfirmDialogKeys() {
    let d = ConfirmDialog(title: "确认", lines: ["办结后不能撤回"], action: "conclude")
    XCTAssertEqual(d.handle(.char("y")), .confirmed)
    XCTAssertEqual(d.handle(.escape), .cancelled)
    XCTAssertEqual(d.handle(.char("x")), .none)
  }

  func testBadgeLevelsAndMonochromeFallback() {
    XCTAssertEqual(CountdownBadge.text(.remaining(3)), "剩3日")
    XCTAssertEqual(CountdownBadge.style(.remaining(5)), .ok)
    XCTAssertEqual(CountdownBadge.style(.dueToday), .warning)
    XCTAssertEqual(CountdownBadge.style(.overdue(2)).mono, .reverse)
    XCTAssertEqual(CountdownBadge.style(.dueToday).mono, .bold)
    XCTAssertEqual(CountdownBadge.text(.remaining(3), paused: true), "暂停")
  }
}
