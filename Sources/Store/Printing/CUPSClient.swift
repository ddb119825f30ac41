import Domain
import Foundation

/// What became of one print: the job CUPS took, or in Chinese why nothing was printed.
public enum PrintOutcome: Equatable, Sendable {
  /// `lp` printed `request id is ZWFWPDF-8 (1 file(s))`.
  case submitted(job: String)
  /// Nothing was sent: `brief` fits the status line, `detail` adds what CUPS said.
  case failed(brief: String, detail: String)

  /// For the status line, first and whole: `已提交打印任务 ZWFWPDF-8` or `未打印:打印机 X 已暂停`.
  public var brief: String {
    switch self {
    case .submitted(let job): return "已提交打印任务 \(job)"
    case .failed(let brief, _): return "未打印:\(brief)"
    }
  }

  /// For the case view and the command line: the brief with CUPS's own words.
  public var detail: String {
    switch self {
    case .submitted: return brief
    case .failed(_, let detail): return "未打印:\(detail)"
    }
  }

  public var isSubmitted: Bool {
    if case .submitted = self { return true }
    return false
  }
}

/// A printer's state as `lpstat` reports it.
public struct PrinterState: Equatable, Sendable {
  public var enabled: Bool
  public var accepting: Bool
  /// CUPS's reason for a disabled or rejecting queue (`Paused`, what `cupsreject -r` said).
  public var reason: String
}

/// 打印 — talks to CUPS through its command-line clients (`lp`, `lpstat`), run without a shell
/// and in the C locale, so what they say can be read and told to the clerk in Chinese.
public struct CUPSClient: Sendable {
  /// Runs a CUPS client: nil when the program is not installed.
  public var run:
    @Sendable (_ program: String, _ arguments: [String], _ input: Data) throws
      -> ProgramOutput?

  public init(
    run: @escaping @Sendable (String, [String], Data) throws -> ProgramOutput? = CUPSClient.system
  ) {
    self.run = run
  }

  /// The programs on this machine, in the C locale.
  public static let system: @Sendable (String, [String], Data) throws -> ProgramOutput? = {
    program, arguments, input in
    guard let path = Subprocess.locate(program) else { return nil }
    return try Subprocess.run(
      path, arguments, input: input, environment: ["LC_ALL": "C", "LANG": "C"])
  }

  /// How a notice is put on paper: A4, 56-point (about 2 cm) margins. CUPS's text filter prints
  /// 10 characters an inch, so the 66 columns `NoticeLayout` wraps at fit between them.
  public static let lpOptions = [
    "-o", "media=A4", "-o", "page-left=56", "-o", "page-right=56", "-o", "page-top=56",
    "-o", "page-bottom=56",
  ]

  static let clientPackage = "请安装 CUPS 客户端:apt-get install cups-client"

  /// The state of `printer`, or why it cannot be known (in Chinese).
  public func state(of printer: String) -> Result<PrinterState, PrintProblem> {
    // Asked first: with no scheduler to ask, `lpstat -p` and `lp` say the printer does not exist.
    switch lpstat(["-r"]) {
    case .failure(let p): return .failure(p)
    case .success(let r) where r.out.contains("not running") || r.status != 0:
      return .failure(Self.notRunning)
    case .success: break
    }
    let p: ProgramOutput
    switch lpstat(["-p", printer]) {
    case .failure(let problem): return .failure(problem)
    case .success(let out): p = out
    }
    if p.status != 0 { return .failure(Self.problem(p.err, printer: printer, program: "lpstat")) }
    var state = PrinterState(enabled: true, accepting: true, reason: "")
    let (statusLine, reason) = Self.firstLineAndReason(p.out)
    if statusLine.contains(" disabled since ") {
      state.enabled = false
      state.reason = reason
    }
    if let a = try? run("lpstat", ["-a", printer], Data()), a.status == 0 {
      let (line, why) = Self.firstLineAndReason(a.out)
      if line.contains("not accepting") {
        state.accepting = false
        if state.reason.isEmpty { state.reason = why }
      }
    }
    return .success(state)
  }

  func lpstat(_ arguments: [String]) -> Result<ProgramOutput, PrintProblem> {
    do {
      guard let out = try run("lpstat", arguments, Data()) else {
        return .failure(
          PrintProblem(brief: "未安装 lpstat", detail: "找不到 lpstat 命令(\(Self.clientPackage))"))
      }
      return .success(out)
    } catch {
      return .failure(PrintProblem(brief: "无法运行 lpstat", detail: "无法运行 lpstat: \(error)"))
    }
  }

  static let notRunning = PrintProblem(
    brief: "打印服务未运行",
    detail: "打印服务(CUPS)未运行或无法连接;请启动 CUPS(systemctl start cups)后重新打印")

  /// Checks the queue, then sends the file: a paused or rejecting queue is reported rather
  /// than left holding a job nobody sees.
  public func print(_ path: String, on printer: String) -> PrintOutcome {
    submit(printer: printer, arguments: ["--", path], input: Data())
  }

  /// Prints `text` (read by `lp` from its standard input), e.g. a test page.
  public func print(text: String, on printer: String, title: String) -> PrintOutcome {
    submit(printer: printer, arguments: ["-t", title, "-"], input: Data(text.utf8))
  }

  func submit(printer: String, arguments: [String], input: Data) -> PrintOutcome {
    switch state(of: printer) {
    case .failure(let p): return .failed(brief: p.brief, detail: p.detail)
    case .success(let s) where !s.enabled:
      return .failed(
        brief: "打印机 \(printer) 已暂停",
        detail: "打印机 \(printer) 已暂停(CUPS: \(Self.shown(s.reason, or: "Paused")));"
          + "请在 CUPS 中恢复(cupsenable \(printer))后重新打印")
    case .success(let s) where !s.accepting:
      return .failed(
        brief: "打印机 \(printer) 拒绝新任务",
        detail: "打印机 \(printer) 拒绝新任务(CUPS: \(Self.shown(s.reason, or: "Rejecting Jobs")));"
          + "请在 CUPS 中接受任务(cupsaccept \(printer))后重新打印")
    case .success: break
    }
    let p: ProgramOutput
    do {
      guard let out = try run("lp", ["-d", printer] + Self.lpOptions + arguments, input) else {
        return .failed(brief: "未安装 lp", detail: "找不到 lp 命令(\(Self.clientPackage))")
      }
      p = out
    } catch {
      return .failed(brief: "无法运行 lp", detail: "无法运行 lp: \(error)")
    }
    if p.status != 0 {
      let problem = Self.problem(p.err, printer: printer, program: "lp")
      return .failed(brief: problem.brief, detail: problem.detail)
    }
    // `request id is ZWFWPDF-8 (1 file(s))`
    let words = p.out.split(whereSeparator: \.isWhitespace)
    if let i = words.firstIndex(of: "is"), i > 0, words[i - 1] == "id", i + 1 < words.count {
      return .submitted(job: FieldText.sanitizeForDisplay(String(words[i + 1])))
    }
    return .submitted(job: "(CUPS 未返回任务号)")
  }

  /// What a failed CUPS client said, in Chinese.
  static func problem(_ err: String, printer: String, program: String) -> PrintProblem {
    let e = err.lowercased()
    if e.contains("scheduler is not running") || e.contains("unable to connect")
      || e.contains("connection refused")
    {
      return notRunning
    }
    if e.contains("invalid destination") || e.contains("no destinations added")
      || e.contains("does not exist") || e.contains("not found")
      || e.contains("unknown destination")
    {
      return PrintProblem(
        brief: "打印机 \(printer) 不存在",
        detail: "CUPS 中没有打印机 \(printer);请用 lpstat -p 查看打印机名称,"
          + "再用 zwfw notices set --printer 设置")
    }
    if e.contains("not accepting") {
      return PrintProblem(
        brief: "打印机 \(printer) 拒绝新任务",
        detail: "打印机 \(printer) 拒绝新任务;请在 CUPS 中接受任务(cupsaccept \(printer))后重新打印")
    }
    let said = FieldText.sanitizeForDisplay(err).trimmingSpaces()
    return PrintProblem(
      brief: "\(program) 出错",
      detail: "\(program) 出错(CUPS: \(shown(said, or: "无输出")))")
  }

  /// The status line and the indented reason lines after it (`lpstat` puts CUPS's reason on
  /// the lines after ` -`).
  static func firstLineAndReason(_ out: String) -> (String, String) {
    let lines = out.split(separator: "\n")
    let first = lines.first.map(String.init) ?? ""
    let reason = lines.dropFirst().prefix { $0.first == "\t" || $0.first == " " }
      .map { $0.trimmingSpaces() }.joined(separator: " ")
    return (first, FieldText.sanitizeForDisplay(reason))
  }

  /// CUPS's words, at most 120 characters (or `fallback` when it said nothing).
  static func shown(_ text: String, or fallback: String) -> String {
    let t = text.trimmingSpaces()
    if t.isEmpty { return fallback }
    return t.count > 120 ? String(t.prefix(119)) + "…" : t
  }
}

/// Why CUPS could not be asked or would not print: short for the status line, whole for the rest.
public struct PrintProblem: Error, Equatable, Sendable {
  public var brief: String
  public var detail: String
}
