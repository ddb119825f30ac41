import Store
import XCTest

@testable import TUI

/// The workstation's 数据库升级 screen at 80x24, with the figures a clerk reads.
final class UpgradeScreenTests: XCTestCase {
  func text(_ state: UpgradeScreen.State) -> String {
    let f = UpgradeScreen.frame(state, width: 80, height: 24)
    return (0..<f.height).map { f.line($0) }.joined(separator: "\n")
  }

  func testRunningShowsBarPercentCountsAndTimeLeft() {
    let shown = text(.running(ProgressStep("重建数据视图", done: 130, total: 260), elapsed: 2))
    XCTAssertTrue(shown.contains("数据库升级"), shown)
    XCTAssertTrue(shown.contains("请勿关闭窗口"), shown)
    XCTAssertTrue(
      shown.contains(
        "[" + String(repeating: "#", count: 20) + String(repeating: "-", count: 20) + "] 50%"),
      shown)
    XCTAssertTrue(shown.contains("130/260  已用 2.0 秒  剩余 2.0 秒"), shown)
  }

  func testAnotherProcessUpgradingIsWaitedForAndCanBeLeft() {
    let shown = text(.elsewhere(ProgressStep("重建数据视图", done: 3000, total: 10000)))
    XCTAssertTrue(shown.contains("另一个 zwfw 进程正在升级本数据库"), shown)
    XCTAssertTrue(shown.contains("] 30%"), shown)
    XCTAssertTrue(shown.contains("按 F10 退出"), shown)
  }

  func testFinishedAsksForAKey() {
    let shown = text(.finished(ProgressStep("重建数据视图", done: 260, total: 260), elapsed: 75))
    XCTAssertTrue(shown.contains("数据库升级完成,用时 1 分 15 秒。"), shown)
    XCTAssertTrue(shown.contains("重建数据视图 260/260"), shown)
    XCTAssertTrue(shown.contains("按任意键进入工作台"), shown)
  }
}
