import Domain
import Foundation
import Store
import XCTest

/// Printing against a real CUPS: a scheduler of the test's own (private folder, loopback port)
/// with a cups-pdf queue, every notice kind printed the way `zwfw` prints it, each PDF rendered
/// and read back — whole, in Chinese, on A4 with margins — and each way a print can fail told
/// in Chinese. Skipped, saying what to install, where CUPS cannot run (not root, packages
/// missing).
final class PrintingEndToEndTests: XCTestCase {
  var cups: PrivateCUPS!
  let home = temporaryDirectory()
  lazy var db = home.appendingPathComponent("demo.db").path

  override func setUpWithError() throws {
    cups = try PrivateCUPS.start()
  }

  override func tearDown() {
    cups?.stop()
    cups = nil
    try? FileManager.default.removeItem(at: home)
  }

  /// The notices as they are saved (the goldens of `NoticeGoldenTests`).
  static var notices: [(String, String)] {
    get throws {
      let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TUITests/Golden")
      return try ["acceptance", "supplement", "refusal", "clockStop", "conclusion", "denial"].map {
        let url = dir.appendingPathComponent("notice-\($0).txt")
        return (url.path, try String(contentsOf: url, encoding: .utf8))
      }
    }
  }

  func testEveryNoticeKindPrintsWholeInChineseOnA4WithMargins() throws {
    let client = cups.client
    for (path, text) in try Self.notices {
      let outcome = client.print(path, on: PrivateCUPS.queue)
      guard case .submitted(let job) = outcome else {
        return XCTFail("\(path): \(outcome.detail)")
      }
      XCTAssertTrue(job.hasPrefix("\(PrivateCUPS.queue)-"), job)
      let pdf = try cups.output(of: job)
      defer { try? FileManager.default.removeItem(at: pdf) }
      let info = try cups.tool("pdfinfo", [pdf.path]).out
      XCTAssertTrue(info.contains("(A4)"), info)
      let page = try cups.render(pdf)
      let ink = try XCTUnwrap(page.inkBox(), "\(path): a blank page")
      // 56 points at 300 dpi is 233 pixels: nothing is drawn in the margins.
      XCTAssertGreaterThanOrEqual(ink.left, 200, "\(path): \(ink)")
      XCTAssertLessThanOrEqual(ink.right, page.width - 200, "\(path): \(ink)")
      XCTAssertGreaterThanOrEqual(ink.top, 200, "\(path): \(ink)")
      let read = try cups.ocr(page)
      let check = ReadBack(saved: text, read: read)
      print("read back \((path as NSString).lastPathComponent): \(check)")
      // The check can fail: a page read perfectly but cut after 40 columns does.
      let cut = text.split(separator: "\n").map { DisplayWidth.prefix(String($0), fitting: 40).0 }
      XCTAssertLessThan(ReadBack(saved: text, read: cut.joined(separator: "\n")).lineEnds, 0.2)
      // A line cut at the right edge loses its last third: those characters must be there.
      // tesseract reads about four in five of these characters; a page cut at the right edge
      // leaves next to nothing for the line ends.
      XCTAssertGreaterThan(check.overall, 0.65, "\(path) \(check)\n\(read)")
      XCTAssertGreaterThan(check.lineEnds, 0.5, "\(path) \(check)\n\(read)")
    }
  }

  func testTheClerkIsToldWhatCUPSDidInChinese() throws {
    let env = ["CUPS_SERVER": cups.server, "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"]
    func zwfw(_ args: [String]) throws -> Zwfw.Result {
      try Zwfw.run(args + ["--db", db], home: home, extraEnv: env)
    }
    XCTAssertEqual(try Zwfw.run(["demo", "--db", db], home: home, extraEnv: env).status, 0)
    var r = try zwfw(["notices", "set", "--printer", "NOPE", "--as", "zhangmin"])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("CUPS 中没有打印机 NOPE"), r.err)
    XCTAssertTrue(try zwfw(["notices", "show"]).out.contains("未设置"))
    r = try zwfw(["notices", "set", "--printer", PrivateCUPS.queue, "--as", "zhangmin"])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("打印机状态\t可以打印"), r.out)
    r = try zwfw(["notices", "test-print"])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.hasPrefix("已提交打印任务 \(PrivateCUPS.queue)-"), r.out)
    let job = String(r.out.split(separator: " ").last ?? "").trimmingCharacters(
      in: .whitespacesAndNewlines)
    let pdf = try cups.output(of: job)
    defer { try? FileManager.default.removeItem(at: pdf) }
    XCTAssertTrue(ReadBack(saved: "打印测试页", read: try cups.ocr(try cups.render(pdf))).overall > 0.5)

    try cups.admin("cupsdisable", ["-r", "卡纸待处理", PrivateCUPS.queue])
    r = try zwfw(["notices", "test-print"])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("未打印:打印机 \(PrivateCUPS.queue) 已暂停(CUPS: 卡纸待处理)"), r.err)
    try cups.admin("cupsenable", [PrivateCUPS.queue])
    try cups.admin("cupsreject", ["-r", "维修中", PrivateCUPS.queue])
    r = try zwfw(["notices", "test-print"])
    XCTAssertTrue(r.err.contains("拒绝新任务(CUPS: 维修中)"), r.err)
    try cups.admin("cupsaccept", [PrivateCUPS.queue])
    r = try zwfw(["notices", "check"])
    XCTAssertEqual(r.status, 0, r.out + r.err)
    XCTAssertTrue(r.out.contains("ARPLUmingCN → AR PL UMing"), r.out)
    cups.stop()
    r = try zwfw(["notices", "test-print"])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("打印服务(CUPS)未运行"), r.err)
  }
}

/// How much of a saved notice came back from the page.
struct ReadBack {
  /// Share of the saved text's characters found on the page.
  var overall: Double
  /// Share of the characters of each long line's last third found on the page: what a printer
  /// that cuts lines at the right edge loses first.
  var lineEnds: Double

  init(saved: String, read: String) {
    func significant(_ s: Substring) -> [Character] {
      s.filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol }
    }
    var pool: [Character: Int] = [:]
    for c in significant(Substring(read)) { pool[c, default: 0] += 1 }
    func found(_ chars: [Character], _ pool: inout [Character: Int]) -> Int {
      var n = 0
      for c in chars where (pool[c] ?? 0) > 0 {
        pool[c, default: 0] -= 1
        n += 1
      }
      return n
    }
    let all = significant(Substring(saved))
    var p = pool
    overall = all.isEmpty ? 1 : Double(found(all, &p)) / Double(all.count)
    // The heads of the lines take their characters from the page first, so a tail is counted
    // only with characters the heads did not use.
    var heads: [Character] = []
    var ends: [Character] = []
    for line in saved.split(separator: "\n") {
      let chars = significant(line)
      let tail = DisplayWidth.of(line) > 44 ? chars.count / 3 : 0
      heads += chars.dropLast(tail)
      ends += chars.suffix(tail)
    }
    p = pool
    _ = found(heads, &p)
    lineEnds = ends.isEmpty ? 1 : Double(found(ends, &p)) / Double(ends.count)
  }
}

/// A grey page as pdftoppm renders it (PGM), to find where ink is.
struct Page {
  var width: Int
  var height: Int
  var pixels: [UInt8]
  var png: URL

  /// The smallest box holding every dark pixel, nil for a blank page.
  func inkBox() -> (left: Int, right: Int, top: Int, bottom: Int)? {
    var left = width
    var right = -1
    var top = height
    var bottom = -1
    for y in 0..<height {
      for x in 0..<width where pixels[y * width + x] < 128 {
        left = min(left, x)
        right = max(right, x)
        top = min(top, y)
        bottom = max(bottom, y)
      }
    }
    return right < 0 ? nil : (left, right, top, bottom)
  }
}
