import Domain
import Foundation
import XCTest

@testable import Store

/// What the clerk is told for each thing CUPS can say, with `lp`/`lpstat` played by a script of
/// their real (C locale) output.
final class CUPSClientTests: XCTestCase {
  /// Replies by program; records every call.
  final class FakeCUPS: @unchecked Sendable {
    var replies: [String: ProgramOutput?] = [:]
    var calls: [[String]] = []
    var client: CUPSClient {
      CUPSClient { program, arguments, _ in
        self.calls.append([program] + arguments)
        let key = program == "lpstat" ? "lpstat \(arguments[0])" : program
        guard let reply = self.replies[key] else { return nil }
        return reply
      }
    }
  }

  func fake(
    lpstatP: ProgramOutput? = ProgramOutput(
      status: 0, out: "printer ZWFWPDF is idle.  enabled since Thu Dec  3 07:47:55 2026\n", err: ""),
    lpstatA: ProgramOutput? = ProgramOutput(
      status: 0, out: "ZWFWPDF accepting requests since Thu Dec  3 07:47:55 2026\n", err: ""),
    lp: ProgramOutput? = ProgramOutput(
      status: 0, out: "request id is ZWFWPDF-8 (1 file(s))\n", err: "")
  ) -> FakeCUPS {
    let f = FakeCUPS()
    f.replies = [
      "lpstat -r": ProgramOutput(status: 0, out: "scheduler is running\n", err: ""),
      "lpstat -p": lpstatP, "lpstat -a": lpstatA, "lp": lp,
    ]
    return f
  }

  func testASubmittedJobShowsItsIDAndIsSentWithTheA4Layout() {
    let f = fake()
    let outcome = f.client.print("/srv/notices/x.txt", on: "ZWFWPDF")
    XCTAssertEqual(outcome, .submitted(job: "ZWFWPDF-8"))
    XCTAssertEqual(outcome.brief, "已提交打印任务 ZWFWPDF-8")
    XCTAssertEqual(
      f.calls.last,
      [
        "lp", "-d", "ZWFWPDF", "-o", "media=A4", "-o", "page-left=56", "-o", "page-right=56", "-o",
        "page-top=56", "-o", "page-bottom=56", "--", "/srv/notices/x.txt",
      ])
  }

  func testAPausedQueueIsNotSentAJobNobodyWouldSee() {
    let f = fake(
      lpstatP: ProgramOutput(
        status: 0,
        out: "printer ZWFWPDF disabled since Thu Dec  3 07:48:03 2026 -\n\t缺纸,请加纸\n", err: ""))
    let outcome = f.client.print("/x.txt", on: "ZWFWPDF")
    XCTAssertEqual(outcome.brief, "未打印:打印机 ZWFWPDF 已暂停")
    XCTAssertTrue(outcome.detail.contains("CUPS: 缺纸,请加纸"), outcome.detail)
    XCTAssertFalse(f.calls.contains { $0.first == "lp" })
  }

  func testARejectingQueueSaysCUPSReason() {
    let f = fake(
      lpstatA: ProgramOutput(
        status: 0, out: "ZWFWPDF not accepting requests since Thu Dec  3 07:48:03 2026 -\n\t维修中\n",
        err: ""))
    let outcome = f.client.print("/x.txt", on: "ZWFWPDF")
    XCTAssertEqual(outcome.brief, "未打印:打印机 ZWFWPDF 拒绝新任务")
    XCTAssertTrue(outcome.detail.contains("CUPS: 维修中"), outcome.detail)
    // Rejecting between the check and the job: lp's own words are read too.
    let late = fake(
      lp: ProgramOutput(
        status: 1, out: "", err: "lp: Destination \"ZWFWPDF\" is not accepting jobs.\n"))
    XCTAssertEqual(late.client.print("/x.txt", on: "ZWFWPDF").brief, "未打印:打印机 ZWFWPDF 拒绝新任务")
  }

  func testUnknownPrinterStoppedServiceAndMissingClientEachHaveTheirWords() {
    let unknown = fake(
      lpstatP: ProgramOutput(
        status: 1, out: "", err: "lpstat: Invalid destination name in list \"HP-9\".\n"))
    XCTAssertEqual(unknown.client.print("/x.txt", on: "HP-9").brief, "未打印:打印机 HP-9 不存在")
    let none = fake(
      lpstatP: ProgramOutput(status: 1, out: "", err: "lpstat: No destinations added.\n"))
    XCTAssertEqual(none.client.print("/x.txt", on: "HP-9").brief, "未打印:打印机 HP-9 不存在")
    // With no scheduler, lpstat -p and lp blame the printer: `lpstat -r` is asked first.
    let stopped = fake(
      lpstatP: ProgramOutput(
        status: 1, out: "", err: "lpstat: Invalid destination name in list \"ZWFWPDF\".\n"))
    stopped.replies["lpstat -r"] = ProgramOutput(
      status: 1, out: "scheduler is not running\n", err: "")
    let s = stopped.client.print("/x.txt", on: "ZWFWPDF")
    XCTAssertEqual(s.brief, "未打印:打印服务未运行")
    XCTAssertTrue(s.detail.contains("CUPS"), s.detail)
    XCTAssertEqual(stopped.calls.map { $0.prefix(2).joined(separator: " ") }, ["lpstat -r"])
    let noClient = fake(lpstatP: nil)
    noClient.replies["lpstat -r"] = nil
    XCTAssertTrue(
      noClient.client.print("/x.txt", on: "ZWFWPDF").detail.contains("cups-client"))
    let noLP = fake(lp: nil)
    XCTAssertEqual(noLP.client.print("/x.txt", on: "ZWFWPDF").brief, "未打印:未安装 lp")
    // Anything else: CUPS's own words, sanitised, never a crash.
    let odd = fake(lp: ProgramOutput(status: 2, out: "", err: "lp: Something \u{1B}[2Jodd\n"))
    XCTAssertTrue(
      odd.client.print("/x.txt", on: "ZWFWPDF").detail.contains("lp 出错(CUPS: lp: Something"))
  }

  func testPrinterNamesThatCouldReadAsOptionsAreRefused() {
    XCTAssertNil(NoticeSettings.checkPrinterName("ZWFWPDF"))
    XCTAssertNil(NoticeSettings.checkPrinterName("hall-1@server"))
    XCTAssertNotNil(NoticeSettings.checkPrinterName("-h"))
    XCTAssertNotNil(NoticeSettings.checkPrinterName("a b"))
    XCTAssertNotNil(NoticeSettings.checkPrinterName(String(repeating: "P", count: 41)))
  }

  func testTheFontCheckWantsAChineseFontBehindARPLUmingCN() {
    let f = FakeCUPS()
    f.replies = [
      "lpstat -r": ProgramOutput(status: 0, out: "scheduler is running\n", err: ""),
      "lpstat -p": ProgramOutput(status: 0, out: "printer P is idle.  enabled since x\n", err: ""),
      "lpstat -a": ProgramOutput(status: 0, out: "P accepting requests since x\n", err: ""),
      "lp": ProgramOutput(status: 0, out: "", err: ""),
      "fc-match": ProgramOutput(status: 0, out: "DejaVu Sans|aa|af|en|fr", err: ""),
    ]
    var lines = PrintingCheck.run(printer: "P", client: f.client)
    XCTAssertEqual(lines.map(\.ok), [true, true, false])
    XCTAssertTrue(lines[2].text.contains("DejaVu Sans"), lines[2].text)
    XCTAssertTrue(lines[2].fix?.contains("fonts-arphic-uming") ?? false)
    f.replies["fc-match"] = ProgramOutput(status: 0, out: "AR PL UMing CN|en|zh-cn|zh-sg", err: "")
    lines = PrintingCheck.run(printer: "P", client: f.client)
    XCTAssertEqual(lines.map(\.ok), [true, true, true])
  }

  /// The helper programs get their arguments as given: no shell ever reads them.
  func testSubprocessPassesArgumentsWithoutAShell() throws {
    let printf = try XCTUnwrap(Subprocess.locate("printf"))
    let p = try Subprocess.run(printf, ["%s|", "$(id)", "a b;*", "--"])
    XCTAssertEqual(p.status, 0)
    XCTAssertEqual(p.out, "$(id)|a b;*|--|")
    let cat = try XCTUnwrap(Subprocess.locate("cat"))
    XCTAssertEqual(try Subprocess.run(cat, [], input: Data("打印测试页\n".utf8)).out, "打印测试页\n")
    XCTAssertNil(Subprocess.locate("zwfw-no-such-program"))
    XCTAssertEqual(try Subprocess.run(try XCTUnwrap(Subprocess.locate("false")), []).status, 1)
  }

  /// A CUPS client that hangs (a scheduler that never answers) is stopped, not waited on forever.
  func testAProgramThatHangsIsStoppedAfterItsTimeout() throws {
    let sleep = try XCTUnwrap(Subprocess.locate("sleep"))
    let started = Date()
    XCTAssertThrowsError(try Subprocess.run(sleep, ["30"], timeout: 1)) { error in
      XCTAssertEqual(
        (error as? Subprocess.Failure)?.message, "sleep 超过 1 秒没有结束,已停止它")
    }
    XCTAssertLessThan(Date().timeIntervalSince(started), 20, "it did not wait for the child")
  }

  /// A child that exits without reading its input used to kill the workstation with SIGPIPE; one
  /// that fills both its output pipes used to deadlock it.
  func testUnreadInputAndFullPipesNeitherKillNorBlock() throws {
    let trueProgram = try XCTUnwrap(Subprocess.locate("true"))
    let big = Data(repeating: 0x41, count: 1 << 20)
    XCTAssertEqual(try Subprocess.run(trueProgram, [], input: big).status, 0)
    let sh = try XCTUnwrap(Subprocess.locate("sh"))
    let both = try Subprocess.run(
      sh, ["-c", "head -c 200000 /dev/zero >&2; head -c 200000 /dev/zero"], timeout: 20)
    XCTAssertEqual(both.status, 0)
    XCTAssertEqual(both.out.utf8.count, 200_000)
    XCTAssertEqual(both.err.utf8.count, 200_000)
    let cat = try XCTUnwrap(Subprocess.locate("cat"))
    XCTAssertEqual(try Subprocess.run(cat, [], input: big).out.utf8.count, 1 << 20)
  }
}
