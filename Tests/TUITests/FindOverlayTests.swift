import Domain
import XCTest

@testable import Store
@testable import TUI

/// 查找 (F7) in the workstation: the prompt, its refusals, the search, and the case opened in
/// the pane of its kind.
final class FindOverlayTests: XCTestCase {
  final class FakeFinder: CaseFinder {
    var asked: [FindQuery] = []
    var answer: [FoundCase] = []

    func find(_ query: FindQuery, for staff: Staff, limit: Int) throws -> FindResult {
      asked.append(query)
      return FindResult(cases: answer, truncated: false)
    }
  }

  /// A pane of complaints that remembers what it was asked to open.
  struct FakeComplaints: CaseOpening {
    let title = "投诉建议"
    var bindings: KeymapSection { KeymapSection("投诉建议", []) }
    var opened: String?
    var caseKind: FoundCase.Kind { .complaint }
    var shownCaseID: String? { opened }

    mutating func openFound(_ caseID: String, _ context: AppContext) -> PaneResponse {
      opened = caseID
      return .handled
    }
    mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse { .ignored }
    func render(into frame: inout Frame, area: Rect, _ context: AppContext) {}
  }

  let found = FoundCase(
    kind: .complaint, caseID: "BYQ-2026-000064", title: "咨询失业保险金申领条件", person: "马小军",
    phone: "139****2345", status: "已回访", isOpen: false, organisationName: "区人力资源和社会保障局",
    registeredOn: "2026-10-12", matchedBy: .phone)

  func make(_ finder: FakeFinder) -> Workstation {
    let c = makeContext()
    var ws = Workstation(panes: [CalendarPane(today: c.today), FakeComplaints()], context: c)
    ws.finder = finder
    return ws
  }

  func type(_ text: String, _ ws: inout Workstation) {
    for ch in text { ws.handle(.char(ch)) }
  }

  func testF7SearchesAndEnterOpensTheCaseInItsPane() {
    let finder = FakeFinder()
    finder.answer = [found]
    var ws = make(finder)
    ws.handle(.function(7))
    XCTAssertNotNil(ws.finding)
    // Digits are typing here, not a jump to a pane.
    type("13993012345", &ws)
    XCTAssertEqual(ws.active, 0)
    ws.handle(.enter)
    XCTAssertEqual(finder.asked.map(\.text), ["13993012345"])
    let screen = ws.render(width: 100, height: 30).text
    XCTAssertTrue(screen.contains("共1件"), screen)
    XCTAssertTrue(screen.contains("[投诉建议] BYQ-2026-000064"), screen)
    XCTAssertTrue(screen.contains("按电话找到"), screen)
    ws.handle(.enter)
    XCTAssertNil(ws.finding)
    XCTAssertEqual(ws.active, 1)
    XCTAssertEqual((ws.panes[1] as? FakeComplaints)?.opened, "BYQ-2026-000064")
  }

  func testTooFewDigitsAreRefusedAndTypingAgainSearchesAgain() {
    let finder = FakeFinder()
    var ws = make(finder)
    ws.handle(.function(7))
    type("064", &ws)
    ws.handle(.enter)
    XCTAssertTrue(finder.asked.isEmpty)
    XCTAssertTrue(ws.render(width: 100, height: 30).text.contains("请至少输入4位数字"))
    type("5", &ws)
    ws.handle(.enter)
    XCTAssertEqual(finder.asked.map(\.text), ["0645"])
    XCTAssertTrue(ws.render(width: 100, height: 30).text.contains("没有找到"))
    ws.handle(.escape)
    XCTAssertNil(ws.finding)
  }

  func testWithoutAFinderF7SaysSo() {
    let c = makeContext()
    var ws = Workstation(panes: [CalendarPane(today: c.today)], context: c)
    ws.handle(.function(7))
    XCTAssertNil(ws.finding)
    XCTAssertEqual(ws.toast?.kind, .error)
  }
}
