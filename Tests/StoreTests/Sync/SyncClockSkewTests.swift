import Domain
import Foundation
import XCTest

@testable import Store

/// A township PC an hour behind the district: its steps on a case the district opened sort
/// after the opening (the import moved its causal clock on), take effect at both nodes, and
/// the two converge, before and after a rebuild.
final class SyncClockSkewTests: XCTestCase {
  func testTwoNodesAnHourApartConvergeWithTheTownshipsStepApplied() throws {
    let world = try SyncWorld(start: "2026-11-26T10:00")
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    let clock = world.clock
    w.clock = { clock.now - 3600 }
    let probe = try world.open(at: d, org: "WXZ", title: "时钟不一致")
    try world.sync(d, w)
    let opened = try XCTUnwrap(try w.events(stream: probe).first)
    XCTAssertGreaterThan(opened.date, w.clock(), "the district's step is ahead of the township")
    try world.act(at: w, probe, .probeExtended, ProbeDays(days: 5))
    try world.act(at: w, probe, .probeConcluded, NoPayload())
    let steps = try w.events(stream: probe)
    XCTAssertEqual(steps.map(\.type), [.probeOpened, .probeExtended, .probeConcluded])
    XCTAssertGreaterThan(steps[1].timestamp, opened.timestamp)
    try world.sync(w, d)
    for store in [d, w] {
      let state = try XCTUnwrap(try world.probe(store, probe))
      XCTAssertTrue(state.concluded)
      XCTAssertEqual(state.limitDays, 15)
      XCTAssertEqual(try store.openConflicts(), [])
    }
    XCTAssertEqual(try d.projectionDump(), try w.projectionDump())
    for store in [d, w] {
      let live = try store.projectionDump()
      try store.rebuild()
      XCTAssertEqual(try store.projectionDump(), live)
    }
  }
}
