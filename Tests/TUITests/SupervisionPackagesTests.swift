import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The fake board has no 一件事.
extension FakeSupervisionService {
  func openPackages(for staff: Staff, limit: Int) throws -> [PackageProgress] { [] }
}

/// 一件事 on the 督办 board (第十九条): `p` lists the packages not yet concluded with their
/// slowest member; the members are on the board already, as the cases they are.
final class SupervisionPackagesTests: XCTestCase {
  func testThePackagesViewListsTheOpenPackageWithItsSlowestMember() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let when = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    let store = try DemoCopies.store(at: path, share: repositoryShare, now: when)
    let staff = try XCTUnwrap(try store.staff(login: "chenjing"))
    var ws = Workstation(
      panes: [SupervisionPane(service: store)],
      context: makeContext(staff: staff, calendar: store.calendar))
    ws.handle(.char("p"))
    XCTAssertEqual((ws.activePane as? SupervisionPane)?.mode, .packages)
    let frame = ws.render(width: 120, height: 24)
    assertGolden(frame, "supervision-packages-120x24")
    let text = frame.text
    XCTAssertTrue(text.contains("企业开办一件事"), text)
    XCTAssertTrue(text.contains("1/4"), text)
    XCTAssertTrue(text.contains("单位社会保险登记(区人力资源和社会保障局)"), text)
    // The RSJ member is counted on the board as the case it is.
    let rsj = try store.deadlines(org: "RSJ", for: staff).map(\.caseID)
    let member = try XCTUnwrap(
      try store.openPackages(for: staff).first?.members.first { $0.member.organisation == "RSJ" })
    XCTAssertTrue(rsj.contains(member.member.caseID), "\(rsj)")
    ws.handle(.escape)
    XCTAssertEqual((ws.activePane as? SupervisionPane)?.mode, .board)
  }
}
