import XCTest

@testable import Domain

/// The byte path for ASCII identifiers masks exactly as the character path does.
final class MaskingTests: XCTestCase {
  /// The character-by-character rule, as it was written first.
  func reference(_ text: String, prefix: Int, suffix: Int) -> String {
    let chars = Array(text)
    guard chars.count > prefix + suffix else { return Masking.stars(chars.count) }
    return String(chars.prefix(prefix)) + Masking.stars(chars.count - prefix - suffix)
      + String(chars.suffix(suffix))
  }

  func testASCIIAndChineseAgreeWithTheCharacterRule() {
    let alphabet = Array("0123456789Xx -\r\n张王") + ["\r\n"]
    for _ in 0..<3000 {
      let text = String((0..<Int.random(in: 0...22)).map { _ in alphabet.randomElement()! })
      for (p, s) in [(6, 4), (3, 4), (0, 2), (3, 2)] {
        XCTAssertEqual(
          Masking.keep(text, prefix: p, suffix: s), reference(text, prefix: p, suffix: s),
          "«\(text.debugDescription)» \(p)/\(s)")
      }
      XCTAssertEqual(Masking.upper(text), text.uppercased())
    }
  }
}
