import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// The 督办 pane's update is pure: keys name the reads, steps and file writes.
final class SupervisionEffectsTests: XCTestCase {
  let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])

  func testSupervisingFromTheBoardReadsTheOldestDeadlineFirst() throws {
    let service = FakeSupervisionService()
    let ctx = makeContext(staff: supervisor)
    var pane = SupervisionPane(service: service)
    pane.runStart(ctx)
    let first = try XCTUnwrap(pane.board.first)
    let update = pane.update(.char("n"), ctx)
    guard case .oldestDeadline(let org)? = update.effects.first else {
      return XCTFail("n names the read of the oldest deadline")
    }
    XCTAssertEqual(org.org, first.org)
    XCTAssertNil(pane.overlay, "the form waits for the deadline")
    XCTAssertEqual(EffectRunner.run(&pane, update, ctx), .handled)
    guard case .form(let f, .supervise(let target))? = pane.overlay else {
      return XCTFail("the 督办 form opens once the deadline is read")
    }
    XCTAssertEqual(target.org, first.org)
    XCTAssertEqual(
      f.field("days")?.check, .int(SupervisionReducer.replyDayRange, message: "应为1至30的整数"))
  }

  func testAnExportToAnExistingFileComesBackOnThePathField() throws {
    let service = FakeSupervisionService()
    let ctx = makeContext(staff: supervisor)
    var pane = SupervisionPane(service: service)
    pane.runStart(ctx)
    _ = pane.runUpdate(.char("r"), ctx)
    _ = pane.runUpdate(.char("x"), ctx)
    let existing = FileManager.default.temporaryDirectory.path
    pane.flow.updateForm {
      $0.update("path") {
        $0.input = .text(TextField(label: "文件路径", text: existing, maxLength: 300))
      }
    }
    let save = pane.update(.function(5), ctx)
    guard case .export(let path, _)? = save.effects.first else {
      return XCTFail("F5 names the file write")
    }
    XCTAssertEqual(path, existing)
    let shown = EffectRunner.run(&pane, save, ctx)
    XCTAssertEqual(shown, .toast(.error("文件 \(existing) 已存在,请换一个文件名")))
    guard case .form(let f, .export)? = pane.overlay else { return XCTFail("form lost") }
    XCTAssertEqual(f.field("path")?.error, "文件 \(existing) 已存在,请换一个文件名")
    XCTAssertTrue(service.exported.isEmpty, "nothing written")
  }
}
