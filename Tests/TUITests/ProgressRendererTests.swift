import Store
import XCTest

@testable import TUI

final class ProgressRendererTests: XCTestCase {
  /// A renderer writing to a string, on a clock the test moves.
  final class Rig {
    var text = ""
    var now = 100.0
    lazy var renderer = ProgressRenderer(
      sink: .init(terminal: terminal) { [unowned self] in self.text += $0 },
      clock: { [unowned self] in self.now })
    let terminal: Bool
    init(terminal: Bool) { self.terminal = terminal }

    func report(_ done: Int, of total: Int, at t: Double, _ title: String = "重建数据视图") {
      now = 100 + t
      renderer.report(ProgressStep(title, done: done, total: total))
    }
  }

  /// A result printed while a bar is drawn takes the bar off first (it ran on after the bar:
  /// 「剩余 0.1 秒已从 49120 个事件重建…」), and the next report draws it again at once.
  func testTextPrintedDuringAPhaseClearsTheBarFirst() {
    let rig = Rig(terminal: true)
    let output = Output(passthrough: false)
    output.beforeText = { rig.renderer.clearLine() }
    rig.report(0, of: 10_000, at: 0)
    rig.report(3_000, of: 10_000, at: 2)
    output.line("已从 49120 个事件重建全部数据视图")
    XCTAssertTrue(rig.text.hasSuffix("剩余 4.7 秒\r\u{1B}[K"), rig.text.debugDescription)
    rig.report(3_001, of: 10_000, at: 2.01)
    XCTAssertTrue(rig.text.hasSuffix("3001/10000  1493/秒  剩余 4.7 秒"), rig.text.debugDescription)
    // Nothing drawn, nothing cleared.
    let quiet = Rig(terminal: true)
    quiet.renderer.clearLine()
    XCTAssertEqual(quiet.text, "")
  }

  func testTerminalRedrawsInPlaceAtMostTenTimesASecond() {
    let rig = Rig(terminal: true)
    rig.report(0, of: 10_000, at: 0)
    rig.report(1_000, of: 10_000, at: 0.05)  // too soon: not drawn
    rig.report(3_000, of: 10_000, at: 2)
    rig.report(3_100, of: 10_000, at: 2.09)  // too soon
    rig.report(10_000, of: 10_000, at: 5)
    rig.renderer.finish(completed: true)
    let draws = rig.text.components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
    XCTAssertEqual(
      draws,
      [
        "重建数据视图 [--------------------]   0%  0/10000",
        "重建数据视图 [######--------------]  30%  3000/10000  1500/秒  剩余 4.7 秒",
        "重建数据视图 [####################] 100%  10000/10000  2000/秒  剩余 0.0 秒",
        "重建数据视图 完成 10000/10000,用时 5.0 秒,2000/秒\n",
      ])
  }

  func testNotATerminalWritesOnlyEachPhasesFinalLine() {
    let rig = Rig(terminal: false)
    rig.report(0, of: 400, at: 0, "校验")
    rig.report(200, of: 400, at: 1, "校验")
    rig.report(400, of: 400, at: 2, "校验")
    rig.report(0, of: 400, at: 2, "写入")
    rig.report(100, of: 400, at: 3, "写入")
    rig.renderer.finish(completed: false)
    XCTAssertEqual(
      rig.text,
      "校验 完成 400/400,用时 2.0 秒,200/秒\n写入 中止于 100/400,用时 1.0 秒,100/秒\n")
  }

  func testSuccessShowsThePhaseCompleteAndStagesHaveNoRate() {
    let rig = Rig(terminal: false)
    rig.report(0, of: 3, at: 0, "备份")
    rig.report(1, of: 3, at: 75, "备份")
    rig.renderer.finish(completed: true)
    XCTAssertEqual(rig.text, "备份 完成 3/3,用时 1 分 15 秒\n")
  }

  func testNothingReportedWritesNothing() {
    let rig = Rig(terminal: true)
    rig.renderer.finish(completed: true)
    XCTAssertEqual(rig.text, "")
  }

  func testDurations() {
    XCTAssertEqual(ProgressRenderer.duration(0.44), "0.4 秒")
    XCTAssertEqual(ProgressRenderer.duration(12.4), "12 秒")
    XCTAssertEqual(ProgressRenderer.duration(185), "3 分 05 秒")
    XCTAssertEqual(ProgressRenderer.duration(3720), "1 小时 02 分")
  }
}
