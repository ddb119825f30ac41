import Foundation
import XCTest

/// `Sources/Domain/Glossary.md` says where each regulation term lives in code. It stays true only
/// if a rename or a move updates it: every file it names must exist, and every type (or
/// `Type.member`) it names must be declared somewhere in `Sources`.
final class GlossaryTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // DomainTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root

  /// Every `code span` of the glossary.
  func spans() throws -> [String] {
    let text = try String(
      contentsOf: Self.root.appendingPathComponent("Sources/Domain/Glossary.md"), encoding: .utf8)
    let parts = text.components(separatedBy: "`")
    return stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
  }

  /// All Swift source text under `Sources`.
  func sources() throws -> String {
    let base = Self.root.appendingPathComponent("Sources")
    let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
    var text = ""
    while let url = walker?.nextObject() as? URL {
      if url.pathExtension == "swift" { text += try String(contentsOf: url, encoding: .utf8) }
    }
    return text
  }

  func testEveryFileTheGlossaryNamesExists() throws {
    let paths = try spans().filter { $0.hasPrefix("Sources/") }
    XCTAssertGreaterThan(paths.count, 50, "the glossary names the files of its rules")
    for path in Set(paths) {
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path),
        "Glossary.md names \(path), which does not exist: update Sources/Domain/Glossary.md")
    }
  }

  func testEveryTypeAndMemberTheGlossaryNamesIsDeclared() throws {
    let code = try sources()
    let names = try spans().filter {
      $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." }
    }
    XCTAssertGreaterThan(names.count, 80, "the glossary names the types of its rules")
    for name in Set(names) {
      let parts = name.split(separator: ".").map(String.init)
      XCTAssertTrue(
        declared(parts[0], as: ["struct", "enum", "class", "protocol", "typealias"], in: code),
        "Glossary.md names \(parts[0]), declared nowhere in Sources: update the glossary")
      for member in parts.dropFirst() {
        XCTAssertTrue(
          declared(member, as: ["let", "var", "func", "case", "enum", "struct"], in: code),
          "Glossary.md names \(name): no \(member) declared in Sources: update the glossary")
      }
    }
  }

  func declared(_ name: String, as keywords: [String], in code: String) -> Bool {
    keywords.contains { keyword in
      code.range(
        of: "\\b\(keyword) \(name)\\b", options: .regularExpression) != nil
    }
  }
}
