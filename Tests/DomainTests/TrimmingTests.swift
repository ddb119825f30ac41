import Domain
import Foundation
import XCTest

/// The Foundation-free trims agree with `trimmingCharacters(in:)` on its two sets.
final class TrimmingTests: XCTestCase {
  func testAgreesWithFoundation() {
    let pieces = [
      "", " ", "\t", "\n", "\r\n", "\u{3000}", "\u{2028}", "\u{85}", "\u{A0}", "张", "a b",
      "王岘镇 ", "身份证", "\u{301}", "x\u{3000}y", "\u{2003}", "\u{4E00}", "\u{9FFF}", "\u{1680}",
      "\u{FEFF}", "\u{B}", "\u{7F}",
    ]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let text = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
        pieces.randomElement(using: &rng)!
      }.joined()
      XCTAssertEqual(
        text.trimmingSpaces(), text.trimmingCharacters(in: .whitespaces), "«\(text)»")
      XCTAssertEqual(
        text.trimmingSpacesAndNewlines(), text.trimmingCharacters(in: .whitespacesAndNewlines),
        "«\(text)»")
    }
    XCTAssertEqual("  窗口 排队\n".dropFirst().trimmingSpacesAndNewlines(), "窗口 排队")
  }
}
