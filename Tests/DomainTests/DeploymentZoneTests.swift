import Domain
import Foundation
import XCTest

final class DeploymentZoneTests: XCTestCase {
  /// Late evening UTC on the last day of January is already February in Baiyin.
  func testLateUTCEveningIsNextDayInShanghai() {
    let instant = Date(timeIntervalSince1970: 1_769_902_200)  // 2026-01-31T23:30:00Z
    XCTAssertEqual(DeploymentZone.shanghai.civilDate(instant), day("2026-02-01"))
    XCTAssertEqual(DeploymentZone.shanghai.clockTime(instant).hour, 7)
    XCTAssertEqual(DeploymentZone.shanghai.clockTime(instant).minute, 30)
    XCTAssertEqual(DeploymentZone.shanghai.format(instant), "2026-02-01 07:30")
    let utc = DeploymentZone.named("UTC")
    XCTAssertEqual(utc?.civilDate(instant), day("2026-01-31"))
  }

  func testInstantAndParseLocalRoundTrip() {
    let zone = DeploymentZone.shanghai
    let instant = zone.instant(day("2026-02-01"), hour: 7, minute: 30)
    XCTAssertEqual(instant.timeIntervalSince1970, 1_769_902_200)
    XCTAssertEqual(zone.parseLocal("2026-02-01 07:30"), instant)
    XCTAssertEqual(zone.parseLocal("2026-02-01T07:30:00"), instant)
    XCTAssertEqual(zone.parseLocal("2026-02-01"), zone.instant(day("2026-02-01"), hour: 9))
    XCTAssertNil(zone.parseLocal("2026-02-01 24:00"))
    XCTAssertNil(zone.parseLocal("yesterday"))
  }

  func testBeforeTheEpoch() {
    let zone = DeploymentZone.shanghai
    XCTAssertEqual(zone.civilDate(Date(timeIntervalSince1970: -4 * 3600)), day("1970-01-01"))
    XCTAssertEqual(zone.civilDate(Date(timeIntervalSince1970: -14 * 3600)), day("1969-12-31"))
  }

  func testNamedZones() {
    XCTAssertEqual(DeploymentZone.named("Asia/Urumqi")?.offsetSeconds, 8 * 3600)
    XCTAssertEqual(DeploymentZone.named("Asia/Shanghai"), .shanghai)
    XCTAssertNil(DeploymentZone.named("Nowhere/Atlantis"))
  }
}
