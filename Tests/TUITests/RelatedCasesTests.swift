import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The case view's last section is titled by what it matches, not 同一人: 马小军's complaint and
/// 马晓燕's application share a phone only, and the line says so.
final class RelatedCasesTests: XCTestCase {
  func testTheOtherCasesSayTheyShareThePhone() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let when = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    let store = try DemoCopies.store(at: path, share: repositoryShare, now: when)
    let chenjing = try XCTUnwrap(try store.staff(login: "chenjing"))
    let found = try store.find(FindQuery.parse("13993012345").get(), for: chenjing).cases
    let complaint = try XCTUnwrap(found.first { $0.kind == .complaint }).caseID
    let application = try XCTUnwrap(found.first { $0.kind == .application }).caseID
    let text = String(
      describing: RelatedCases.lines(store, .complaint, complaint, for: chenjing))
    XCTAssertTrue(text.contains("同一证件号或电话的其他案件(1件"), text)
    XCTAssertFalse(text.contains("同一人"), text)
    XCTAssertTrue(text.contains("\(application)  办件  同电话"), text)
  }
}
