import Domain
import Foundation
import XCTest

final class NationalIdentityTests: XCTestCase {
  /// An organisation's code refused for its check character names the one expected.
  func testOrganisationCodeNamesTheExpectedCheckCharacter() {
    XCTAssertNil(CreditCode.validateOrganisation("91350100M000100Y43"))
    XCTAssertEqual(
      CreditCode.validateOrganisation("91350100M000100Y44")?.message,
      "统一社会信用代码校验位错误:校验码应为「3」")
    XCTAssertEqual(
      CreditCode.validateOrganisation("91110000600037341A")?.message,
      "统一社会信用代码校验位错误:校验码应为「L」")
    // Other problems keep their own words; an applicant's code never names the character.
    XCTAssertEqual(CreditCode.validateOrganisation("9135")?.message, "统一社会信用代码应为18位")
    XCTAssertEqual(CreditCode.validate("91350100M000100Y44")?.message, "统一社会信用代码校验位错误")
    XCTAssertEqual(CreditCode.subjectCode("91350100M000100Y43"), "M000100Y4")
  }

  func testRegionCodes() {
    XCTAssertNil(RegionCode.checkDistrict("620402"))
    XCTAssertNotNil(RegionCode.checkDistrict("62040"))
    XCTAssertNotNil(RegionCode.checkDistrict("6204021"))
    XCTAssertNotNil(RegionCode.checkDistrict("990402"))
    XCTAssertNotNil(RegionCode.checkDistrict("62040A"))
    XCTAssertNil(RegionCode.checkTownship("620402100", district: "620402"))
    XCTAssertEqual(
      RegionCode.checkTownship("620403100", district: "620402")?.message,
      "乡镇(街道)行政区划代码应以本区的代码 620402 开头")
    XCTAssertNotNil(RegionCode.checkTownship("620402", district: "620402"))
    XCTAssertNil(RegionCode.checkTownship("620402100", district: nil))
  }

  func testDateTimesAndCaseNumbers() {
    // 2026-10-09 01:02:03 UTC is 09:02:03 in Beijing.
    let instant = Date(timeIntervalSince1970: 1_791_507_723)
    XCTAssertEqual(NationalFormat.dateTime(instant, zone: .shanghai), "20261009T090203")
    XCTAssertEqual(
      NationalFormat.dateTime(milliseconds: 1_791_507_723_999, zone: .shanghai), "20261009T090203")
    XCTAssertEqual(
      NationalFormat.dateTime(Date(timeIntervalSince1970: 1_791_561_600), zone: .shanghai),
      "20261010T000000")
    XCTAssertEqual(NationalFormat.caseNumber("BYQ-2026-000001"), "BYQ2026000001")
    XCTAssertEqual(NationalFormat.caseNumber("BYQ2026000001"), "BYQ2026000001")
    XCTAssertEqual(NationalFormat.caseNumber("ts-2026/07"), "ts202607")
  }
}
