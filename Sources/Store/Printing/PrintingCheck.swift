import Foundation

/// 打印检查 — what an installation needs to print notices, checked one by one: the CUPS client
/// (`lp`, package cups-client), the printer known to CUPS and able to print, and a CJK font
/// where CUPS's text filter looks for one (it asks fontconfig for `ARPLUmingCN`, which only
/// fonts-arphic-uming provides on Debian 12; without it every character prints as a box).
/// `zwfw notices check` and `zwfw doctor` (when a printer is set) show these lines.
public enum PrintingCheck {
  /// The Debian packages printing needs on a workstation (`./install --printing`).
  public static let packages = ["cups-client", "fonts-arphic-uming"]

  public struct Line: Equatable, Sendable {
    public var ok: Bool
    public var text: String
    /// How to put it right, when not ok.
    public var fix: String?
  }

  public static func run(printer: String, client: CUPSClient = CUPSClient()) -> [Line] {
    [lp(client), queue(printer, client), cjkFont(client)]
  }

  /// `lp` is installed.
  public static func lp(_ client: CUPSClient = CUPSClient()) -> Line {
    guard (try? client.run("lp", ["-h"], Data())) ?? nil != nil else {
      return Line(ok: false, text: "找不到 lp 命令", fix: "apt-get install cups-client")
    }
    return Line(ok: true, text: "lp 已安装(cups-client)", fix: nil)
  }

  /// The queue is known to CUPS, enabled and accepting jobs.
  public static func queue(_ printer: String, _ client: CUPSClient = CUPSClient()) -> Line {
    switch client.state(of: printer) {
    case .failure(let p): return Line(ok: false, text: p.detail, fix: "lpstat -p \(printer)")
    case .success(let s) where !s.enabled:
      return Line(
        ok: false, text: "打印机 \(printer) 已暂停(CUPS: \(s.reason))", fix: "cupsenable \(printer)")
    case .success(let s) where !s.accepting:
      return Line(
        ok: false, text: "打印机 \(printer) 拒绝新任务(CUPS: \(s.reason))",
        fix: "cupsaccept \(printer)")
    case .success: return Line(ok: true, text: "打印机 \(printer) 可以打印(lpstat -p)", fix: nil)
    }
  }

  /// `fc-match ARPLUmingCN` resolves to a font that covers simplified Chinese.
  public static func cjkFont(_ client: CUPSClient = CUPSClient()) -> Line {
    let fix = "apt-get install fonts-arphic-uming(否则汉字打印为方框)"
    guard
      let out = (try? client.run("fc-match", ["-f", "%{family}|%{lang}", "ARPLUmingCN"], Data()))
        ?? nil
    else { return Line(ok: false, text: "找不到 fc-match(fontconfig)", fix: fix) }
    let parts = out.out.split(separator: "|").map(String.init)
    let family = parts.first ?? ""
    guard out.status == 0, parts.dropFirst().contains("zh-cn") else {
      return Line(
        ok: false, text: "CUPS 打印汉字所用的字体 ARPLUmingCN 解析为「\(family)」,不含中文", fix: fix)
    }
    return Line(ok: true, text: "CUPS 打印汉字所用的字体 ARPLUmingCN → \(family)", fix: nil)
  }
}
