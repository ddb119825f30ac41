import Domain
import XCTest

final class ResidentIDTests: XCTestCase {
  /// Check characters computed by hand with the GB 11643 weights, including two ending in X.
  func testValidNumbers() {
    for id in [
      "11010519491231002X", "620402198001011235", "440304200002291236", "110101209912310015",
      "510107198506153212", "31011519700101002X",
    ] {
      XCTAssertNil(ResidentID.validate(id), id)
    }
  }

  func testLowercaseXAndWhitespaceAreNormalized() {
    XCTAssertNil(ResidentID.validate(" 11010519491231002x\n"))
    XCTAssertEqual(ResidentID.normalize(" 11010519491231002x "), "11010519491231002X")
  }

  func testWrongCheckCharacter() {
    for id in ["110105194912310021", "620402198001011234", "44030420000229123X"] {
      XCTAssertEqual(ResidentID.validate(id), IdentifierProblem(message: "身份证号码校验位错误"), id)
    }
    // The message must not give away the right check character.
    XCTAssertEqual(ResidentID.validate("620402198001011234")?.message.contains("5"), false)
  }

  /// A swap of two adjacent digits — the commonest typing slip — is caught by the check digit.
  func testAdjacentSwapIsCaught() {
    XCTAssertNotNil(ResidentID.validate("620402198001011325"))
    XCTAssertNotNil(ResidentID.validate("260402198001011235"))
  }

  func testBadBirthDate() {
    let problem = IdentifierProblem(message: "身份证号码出生日期无效")
    XCTAssertEqual(ResidentID.validate("440304200102291236"), problem)  // 2001-02-29
    XCTAssertEqual(ResidentID.validate("440304200013011236"), problem)  // month 13
    XCTAssertEqual(ResidentID.validate("440304189912311236"), problem)  // before 1900
    XCTAssertEqual(ResidentID.validate("440304210101011236"), problem)  // after 2100
  }

  func testWrongLengthAndNonDigits() {
    let length = IdentifierProblem(message: "身份证号码应为18位")
    XCTAssertEqual(ResidentID.validate(""), length)
    XCTAssertEqual(ResidentID.validate("62040219800101123"), length)
    XCTAssertEqual(ResidentID.validate("6204021980010112355"), length)
    XCTAssertEqual(ResidentID.validate("620402800101123"), length)  // old 15-digit number
    XCTAssertEqual(
      ResidentID.validate("62040219800101X235"), IdentifierProblem(message: "身份证号码前17位应为数字"))
    XCTAssertEqual(
      ResidentID.validate("６２0402198001011235"), IdentifierProblem(message: "身份证号码前17位应为数字"))
  }

  func testMask() {
    XCTAssertEqual(ResidentID.mask("620402198001011235"), "620402********1235")
    XCTAssertEqual(ResidentID.mask("11010519491231002x"), "110105********002X")
    XCTAssertEqual(ResidentID.mask("620402800101123"), "620**********23")
    XCTAssertEqual(ResidentID.mask("12345"), "*****")
    XCTAssertEqual(ResidentID.mask(""), "")
  }
}
