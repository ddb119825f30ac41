import Domain
import Foundation
import Store
import XCTest

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
  /// Held from start to stop: cups-pdf writes every scheduler's jobs into one folder, and job
  /// numbers restart at 1, so two suites running at once (engineers' worktrees) would read each
  /// other's `…job_1.pdf`.
  var outputLock: Int32 = -1

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
    cups.outputLock = open("/tmp/zwfw-cups-pdf.lock", O_CREAT | O_RDWR, 0o600)
    if cups.outputLock >= 0 { _ = flock(cups.outputLock, LOCK_EX) }
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
    defer {
      if outputLock >= 0 { close(outputLock) }
      outputLock = -1
    }
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
