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

/// cupsd of the test's own: config, spool, state and logs in a temporary folder, listening on
/// one loopback port, with the cups-pdf queue `ZWFWPDF` (A4).
final class PrivateCUPS {
  static let queue = "ZWFWPDF"
  static let install =
    "apt-get install cups printer-driver-cups-pdf fonts-arphic-uming poppler-utils tesseract-ocr-chi-sim"
  let dir: URL
  var port = 0
  var process: Process?
  /// Where cups-pdf writes; only files written since the scheduler started are ours (cups-pdf
  /// names them after the job's title and number, which restarts at 1 with every scheduler).
  let outputDirectory: URL
  var started = Date()

  var server: String { "127.0.0.1:\(port)" }

  var client: CUPSClient {
    let server = server
    return CUPSClient { program, arguments, input in
      guard let path = Subprocess.locate(program) else { return nil }
      return try Subprocess.run(
        path, arguments, input: input, environment: ["LC_ALL": "C", "CUPS_SERVER": server])
    }
  }

  static func start() throws -> PrivateCUPS {
    guard getuid() == 0 else {
      throw XCTSkip("真实 CUPS 打印测试需以 root 运行(cups-pdf 后端只允许 root),已跳过")
    }
    let needed = [
      "/usr/sbin/cupsd", "/usr/sbin/lpadmin", "/usr/lib/cups/backend/cups-pdf",
      "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", "/usr/bin/pdftoppm", "/usr/bin/pdfinfo",
      "/usr/bin/tesseract", "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/bin/lp",
    ]
    let missing = needed.filter { !FileManager.default.fileExists(atPath: $0) }
    guard missing.isEmpty else {
      throw XCTSkip("没有真实 CUPS 测试所需的程序(\(missing.joined(separator: " "))),已跳过;安装: \(install)")
    }
    let cups = try PrivateCUPS()
    try cups.launch()
    return cups
  }

  init() throws {
    dir = URL(fileURLWithPath: "/tmp/zwfw-cups-\(UUID().uuidString.prefix(8))")
    outputDirectory = Self.cupsPDFOutput()
    for sub in ["spool", "cache", "state", "log", "ppd"] {
      try FileManager.default.createDirectory(
        at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    // Filters run as the `lp` user: they need to read the spool and write temporary files.
    let tmp = dir.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: tmp.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
  }

  /// `Out` of /etc/cups/cups-pdf.conf for root (`${HOME}/PDF` unless configured otherwise).
  static func cupsPDFOutput() -> URL {
    let conf = (try? String(contentsOfFile: "/etc/cups/cups-pdf.conf", encoding: .utf8)) ?? ""
    var out = "${HOME}/PDF"
    for line in conf.split(separator: "\n") where line.hasPrefix("Out ") {
      out = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
    }
    let home = String(cString: getpwuid(0).pointee.pw_dir)
    return URL(fileURLWithPath: out.replacingOccurrences(of: "${HOME}", with: home))
  }

  func launch() throws {
    for attempt in 0..<5 {
      port = Int.random(in: 40000..<60000)
      let conf = """
        Listen 127.0.0.1:\(port)
        LogLevel info
        WebInterface No
        Browsing No
        DefaultAuthType None
        <Location />
          Order allow,deny
          Allow from 127.0.0.1
        </Location>
        <Location /admin>
          Order allow,deny
          Allow from 127.0.0.1
        </Location>
        <Policy default>
          <Limit All>
            Order deny,allow
          </Limit>
        </Policy>

        """
      let files = """
        ServerRoot \(dir.path)
        RequestRoot \(dir.path)/spool
        TempDir \(dir.path)/tmp
        CacheDir \(dir.path)/cache
        StateDir \(dir.path)/state
        AccessLog \(dir.path)/log/access_log
        ErrorLog \(dir.path)/log/error_log
        PageLog \(dir.path)/log/page_log
        Printcap \(dir.path)/printcap

        """
      try Data(conf.utf8).write(to: dir.appendingPathComponent("cupsd.conf"))
      try Data(files.utf8).write(to: dir.appendingPathComponent("cups-files.conf"))
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/sbin/cupsd")
      p.arguments = [
        "-f", "-c", dir.appendingPathComponent("cupsd.conf").path, "-s",
        dir.appendingPathComponent("cups-files.conf").path,
      ]
      p.standardInput = FileHandle.nullDevice
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      process = p
      let deadline = Date().addingTimeInterval(20)
      while Date() < deadline, p.isRunning {
        if let r = try? tool("lpstat", ["-r"]), r.out.contains("scheduler is running") {
          try admin(
            "lpadmin",
            [
              "-p", Self.queue, "-E", "-v", "cups-pdf:/", "-P",
              "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", "-o", "media=A4",
            ])
          started = Date().addingTimeInterval(-1)
          return
        }
        Thread.sleep(forTimeInterval: 0.2)
      }
      stop()
      if attempt == 4 { throw XCTSkip("无法启动测试用 cupsd(见 \(dir.path)/log),已跳过") }
    }
  }

  func stop() {
    guard let p = process else { return }
    process = nil
    if p.isRunning {
      p.terminate()
      p.waitUntilExit()
    }
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(at: dir)
  }

  @discardableResult
  func tool(_ program: String, _ arguments: [String]) throws -> ProgramOutput {
    guard let path = Subprocess.locate(program, searchPath: "/usr/bin:/usr/sbin:/bin:/sbin") else {
      throw XCTSkip("找不到 \(program)")
    }
    return try Subprocess.run(
      path, arguments, environment: ["LC_ALL": "C", "CUPS_SERVER": server])
  }

  func admin(_ program: String, _ arguments: [String]) throws {
    let r = try tool(program, arguments)
    if r.status != 0 { throw Refusal("\(program) \(arguments): \(r.err)") }
  }

  /// The PDF cups-pdf wrote for `job` (`ZWFWPDF-3` → `…job_3.pdf`), waited for.
  func output(of job: String) throws -> URL {
    let n = job.split(separator: "-").last.map(String.init) ?? ""
    let deadline = Date().addingTimeInterval(90)
    while Date() < deadline {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
      let ours = names.filter { $0.hasSuffix("-job_\(n).pdf") }.map {
        outputDirectory.appendingPathComponent($0)
      }
      // cups-pdf writes the file in place, and under load it may pause mid-file: a PDF is whole
      // when its size has settled and it ends with its `%%EOF` marker.
      if let url = ours.first(where: { modified($0) >= started }) {
        var size = -1
        while let s = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int,
          s != size
        {
          size = s
          Thread.sleep(forTimeInterval: 0.5)
        }
        if isWholePDF(url) { return url }
      }
      Thread.sleep(forTimeInterval: 0.3)
    }
    let log =
      (try? String(contentsOf: dir.appendingPathComponent("log/error_log"), encoding: .utf8)) ?? ""
    throw Refusal("cups-pdf 没有写出任务 \(job) 的 PDF\n\(log.suffix(2000))")
  }

  func isWholePDF(_ url: URL) -> Bool {
    guard let data = FileManager.default.contents(atPath: url.path) else { return false }
    return data.suffix(1024).range(of: Data("%%EOF".utf8)) != nil
  }

  func modified(_ url: URL) -> Date {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date)
      ?? .distantPast
  }

  /// The first page at 300 dpi in grey.
  func render(_ pdf: URL) throws -> Page {
    let prefix = dir.appendingPathComponent("page-\(UUID().uuidString.prefix(6))")
    try admin(
      "pdftoppm",
      ["-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix.path])
    let pgm = try Data(contentsOf: URL(fileURLWithPath: prefix.path + ".pgm"))
    try admin(
      "pdftoppm",
      ["-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix.path])
    // P5 header: magic, width, height, maximum value, each after whitespace; then the pixels.
    var fields: [String] = []
    var i = 0
    while fields.count < 4, i < pgm.count {
      while i < pgm.count, pgm[i] == 0x20 || pgm[i] == 0x0A || pgm[i] == 0x0D || pgm[i] == 0x09 {
        i += 1
      }
      var word = ""
      while i < pgm.count, ![0x20, 0x0A, 0x0D, 0x09].contains(pgm[i]) {
        word.append(Character(UnicodeScalar(pgm[i])))
        i += 1
      }
      fields.append(word)
    }
    i += 1
    guard fields.count == 4, fields[0] == "P5", let w = Int(fields[1]), let h = Int(fields[2]),
      pgm.count - i >= w * h
    else { throw Refusal("pdftoppm 输出无法读取") }
    return Page(
      width: w, height: h, pixels: [UInt8](pgm[i..<(i + w * h)]),
      png: URL(fileURLWithPath: prefix.path + ".png"))
  }

  /// The page read back by tesseract's simplified-Chinese model.
  func ocr(_ page: Page) throws -> String {
    let r = try tool("tesseract", [page.png.path, "stdout", "-l", "chi_sim"])
    if r.status != 0 { throw XCTSkip("tesseract 没有中文模型: apt-get install tesseract-ocr-chi-sim") }
    return r.out
  }
}
