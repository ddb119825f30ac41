import XCTest

@testable import Domain

final class ResidentIDTests: XCTestCase {
  /// The day the numbers are typed at the window.
  let today = CivilDate(year: 2026, month: 11, day: 26) ?? CivilDate(dayNumber: 0)

  func check(_ id: String) -> IdentifierProblem? { ResidentID.validate(id, today: today) }

  /// Check characters computed by hand with the GB 11643 weights, including two ending in X.
  func testValidNumbers() {
    for id in [
      "11010519491231002X", "620402198001011235", "440304200002291236", "110101202611260016",
      "510107198506153212", "31011519700101002X",
    ] {
      XCTAssertNil(check(id), id)
    }
  }

  func testLowercaseXAndWhitespaceAreNormalized() {
    XCTAssertNil(check(" 11010519491231002x\n"))
    XCTAssertEqual(ResidentID.normalize(" 11010519491231002x "), "11010519491231002X")
  }

  func testWrongCheckCharacter() {
    for id in ["110105194912310021", "620402198001011234", "44030420000229123X"] {
      XCTAssertEqual(check(id), IdentifierProblem(message: "身份证号码校验位错误"), id)
    }
    // The message must not give away the right check character.
    XCTAssertEqual(check("620402198001011234")?.message.contains("5"), false)
  }

  /// A swap of two adjacent digits — the commonest typing slip — is caught by the check digit.
  func testAdjacentSwapIsCaught() {
    XCTAssertNotNil(check("620402198001011325"))
    XCTAssertNotNil(check("260402198001011235"))
  }

  func testBadBirthDate() {
    let problem = IdentifierProblem(message: "身份证号码出生日期无效")
    XCTAssertEqual(check("440304200102291236"), problem)  // 2001-02-29
    XCTAssertEqual(check("440304200013011236"), problem)  // month 13
    XCTAssertEqual(check("440304189912311236"), problem)  // before 1900
  }

  /// Born after the day it is typed (2090, or tomorrow): no such resident yet.
  func testBirthDateAfterTodayIsRefused() {
    let problem = IdentifierProblem(message: "身份证号码出生日期晚于今天")
    XCTAssertEqual(check("620402209001011230"), problem)
    XCTAssertEqual(check("110101202611270013"), problem)
    XCTAssertNil(check("110101202611260016"), "born today")
  }

  /// The first two digits are a province of GB/T 2260: 99 and 10 are none.
  func testProvinceCodeMustExist() {
    let problem = IdentifierProblem(message: "身份证号码前两位不是有效的省级行政区划代码")
    XCTAssertEqual(check("990402198001011236"), problem)
    XCTAssertEqual(check("100402198001011231"), problem)
    for code in ResidentID.provinceCodes.sorted() {
      let body = String(code) + "0402198001011" + "23"
      XCTAssertNotEqual(check(body + "0")?.message, problem.message, body)
    }
  }

  func testWrongLengthAndNonDigits() {
    let length = IdentifierProblem(message: "身份证号码应为18位")
    XCTAssertEqual(check(""), length)
    XCTAssertEqual(check("62040219800101123"), length)
    XCTAssertEqual(check("6204021980010112355"), length)
    XCTAssertEqual(check("620402800101123"), length)  // old 15-digit number
    XCTAssertEqual(
      check("62040219800101X235"), IdentifierProblem(message: "身份证号码前17位应为数字"))
    XCTAssertEqual(
      check("６２0402198001011235"), IdentifierProblem(message: "身份证号码前17位应为数字"))
  }

  /// A number typed plainly (18 ASCII characters) is checked by byte; the same number with
  /// spaces around it takes the general path. Both must answer alike, valid or not: random
  /// numbers (province, date and check character often wrong), and each with a right check.
  func testPlainNumbersAnswerAsTheGeneralPathDoes() {
    var random = SeededGenerator(seed: 22)
    let checks = Array("0123456789Xx")
    var answers: Set<String> = []
    for i in 0..<3000 {
      var body = (0..<17).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
      if i % 3 == 0 {
        // A plausible number: a real province and birth date, so the later checks are reached.
        let year = Int.random(in: 1890...2030, using: &random)
        let month = Int.random(in: 1...13, using: &random)
        let dayOfMonth = Int.random(in: 1...31, using: &random)
        body =
          ["11", "62", "44", "99"][i % 4] + "0402" + String(year)
          + String(format: "%02d%02d", month, dayOfMonth) + String(body.suffix(3))
      }
      for last in [checks[i % checks.count], ResidentID.checkCharacter(body)] {
        let id = body + String(last)
        let plain = check(id)
        XCTAssertEqual(plain, check(" \(id)\n"), id)
        answers.insert(plain?.message ?? "valid")
      }
    }
    XCTAssertEqual(answers.count, 5, "\(answers)")
  }

  func testMask() {
    XCTAssertEqual(ResidentID.mask("620402198001011235"), "620402********1235")
    XCTAssertEqual(ResidentID.mask("11010519491231002x"), "110105********002X")
    XCTAssertEqual(ResidentID.mask("620402800101123"), "620**********23")
    XCTAssertEqual(ResidentID.mask("12345"), "*****")
    XCTAssertEqual(ResidentID.mask(""), "")
  }
}
