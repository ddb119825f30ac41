import XCTest

@testable import Domain

final class CreditCodeTests: XCTestCase {
  func testValidCodes() {
    XCTAssertNil(CreditCode.validate("91350100M000100Y43"))
    XCTAssertNil(CreditCode.validate("91110000600037341L"))
    XCTAssertNil(CreditCode.validate(" 91110000600037341l "))
    XCTAssertEqual(CreditCode.normalize(" 91110000600037341l "), "91110000600037341L")
  }

  func testWrongCheckCharacter() {
    let problem = IdentifierProblem(message: "统一社会信用代码校验位错误")
    XCTAssertEqual(CreditCode.validate("91350100M000100Y44"), problem)
    XCTAssertEqual(CreditCode.validate("911100001000013934"), problem)
    XCTAssertEqual(CreditCode.validate("91110000600037314L"), problem)  // adjacent swap
  }

  /// I, O, Z, S and V are not in the alphabet: a misread letter is refused, not miscomputed.
  func testCharactersOutsideTheAlphabet() {
    let problem = IdentifierProblem(message: "统一社会信用代码含有无效字符(不使用I、O、Z、S、V)")
    XCTAssertEqual(CreditCode.validate("91350100M00010OY43"), problem)
    XCTAssertEqual(CreditCode.validate("9135010IM000100Y43"), problem)
    XCTAssertEqual(CreditCode.validate("91350100M000100-43"), problem)
  }

  func testWrongLength() {
    let problem = IdentifierProblem(message: "统一社会信用代码应为18位")
    XCTAssertEqual(CreditCode.validate(""), problem)
    XCTAssertEqual(CreditCode.validate("91350100M000100Y4"), problem)
    XCTAssertEqual(CreditCode.validate("91350100M000100Y433"), problem)
  }

  func testMask() {
    XCTAssertEqual(CreditCode.mask("91350100M000100Y43"), "913501********0Y43")
    XCTAssertEqual(CreditCode.mask("91350100M0001"), "913********01")
    XCTAssertEqual(CreditCode.mask("9135"), "****")
  }
}
