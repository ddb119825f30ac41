import XCTest

@testable import Domain

final class PhoneNumberTests: XCTestCase {
  func testValidMobiles() {
    for number in ["13812345678", "19912345678", "15000000000", " 17712345678 "] {
      XCTAssertNil(PhoneNumber.validateMobile(number), number)
      XCTAssertNil(PhoneNumber.validateContact(number), number)
    }
  }

  func testInvalidMobiles() {
    let shape = IdentifierProblem(message: "手机号码应为11位数字")
    XCTAssertEqual(PhoneNumber.validateMobile("1381234567"), shape)
    XCTAssertEqual(PhoneNumber.validateMobile("138123456789"), shape)
    XCTAssertEqual(PhoneNumber.validateMobile("138-1234-5678"), shape)
    XCTAssertEqual(PhoneNumber.validateMobile(""), shape)
    let prefix = IdentifierProblem(message: "手机号码应以13至19开头")
    XCTAssertEqual(PhoneNumber.validateMobile("12812345678"), prefix)
    XCTAssertEqual(PhoneNumber.validateMobile("23812345678"), prefix)
    XCTAssertNotNil(PhoneNumber.validateMobile("0943-8221234"))
  }

  func testLandlines() {
    for number in ["0943-8221234", "09438221234", "010-12345678", "01012345678", "021-5555666"] {
      XCTAssertNil(PhoneNumber.validateContact(number), number)
    }
    let problem = IdentifierProblem(message: "联系电话应为手机号码或固定电话(如0943-8221234)")
    for number in [
      "8221234", "0943-822123", "0943-822123456", "943-8221234", "0943--8221234", "09-8221234",
      "0943 8221234", "0943-8221234-12", "12812345678", "",
    ] {
      XCTAssertEqual(PhoneNumber.validateContact(number), problem, number)
    }
  }

  func testMask() {
    XCTAssertEqual(PhoneNumber.mask("13812345678"), "138****5678")
    XCTAssertEqual(PhoneNumber.mask("0943-8221234"), "0943-*****34")
    XCTAssertEqual(PhoneNumber.mask("09438221234"), "0943*****34")
    XCTAssertEqual(PhoneNumber.mask("010-12345678"), "010-******78")
    XCTAssertEqual(PhoneNumber.mask("not a phone number"), "not*************er")
    XCTAssertEqual(PhoneNumber.mask("12345"), "*****")
  }
}
