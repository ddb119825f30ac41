import Domain
import XCTest

@testable import TUI

final class TerminalProbeTests: XCTestCase {
  /// The driver sends only the difference: moving the selection costs far less than the first paint.
  func testMovingTheSelectionSendsOnlyTheDifference() throws {
    let context = makeContext()
    var ws = Workstation(panes: [CalendarPane(today: context.today)], context: context)
    let first = ws.render(width: 120, height: 40)
    ws.handle(.right)
    let moved = ws.render(width: 120, height: 40)
    let counts = try TerminalProbe.bytesWritten(frames: [first, moved, moved])
    XCTAssertEqual(counts.count, 3)
    XCTAssertGreaterThan(counts[0], 1000, "the first paint draws the whole screen")
    XCTAssertLessThan(counts[1], counts[0] / 5)
    XCTAssertLessThan(counts[2], 20, "an unchanged frame sends (almost) nothing")
  }

  /// The driver reads keys itself now (keypad off, bracketed paste on): a cursor move still costs
  /// the benchmark's budget or less on every terminal family a township office has.
  func testACursorMoveStaysWithinTheBudgetOnEveryTerminalFamily() throws {
    let context = makeContext()
    var ws = Workstation(panes: [CalendarPane(today: context.today)], context: context)
    let first = ws.render(width: 80, height: 24)
    ws.handle(.right)
    let moved = ws.render(width: 80, height: 24)
    for term in ["xterm-256color", "linux", "vt100", "screen", "tmux-256color", "rxvt"] {
      let counts = try TerminalProbe.bytesWritten(frames: [first, moved], terminalType: term)
      XCTAssertLessThanOrEqual(counts[1], 300, "\(term): \(counts)")
      XCTAssertGreaterThan(counts[0], counts[1], term)
    }
  }
}
