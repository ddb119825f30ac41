import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `./install` into a temporary prefix, as root (CI is root): the layout, the setgid binary, the
/// closed data directory, and a clerk's account that is not in the group using zwfw while the
/// sqlite3 shell cannot open the database. The man page renders with `man -l`.
final class InstallEndToEndTests: XCTestCase {
  var root: URL!
  let tag = String(UUID().uuidString.prefix(6)).lowercased()
  var group: String { "zwfwt\(tag)" }
  var clerk: String { "zwfwc\(tag)" }
  var prefix: String { root.appendingPathComponent("prefix").path }
  var data: String { root.appendingPathComponent("data").path }

  override func setUpWithError() throws {
    root = temporaryDirectory()
  }

  override func tearDown() {
    // The account and group exist only for this test.
    _ = try? Self.sh(["/usr/sbin/userdel", clerk])
    _ = try? Self.sh(["/usr/sbin/groupdel", group])
  }

  @discardableResult
  static func sh(_ args: [String], env: [String: String] = [:]) throws -> Zwfw.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: args[0])
    p.arguments = Array(args.dropFirst())
    var e = ["LANG": "C.UTF-8", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin:/opt/swift/usr/bin"]
    for (k, v) in env { e[k] = v }
    p.environment = e
    return try Zwfw.collect(p)
  }

  func mode(_ path: String) -> (mode: mode_t, uid: uid_t, gid: gid_t)? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return (st.st_mode & 0o7777, st.st_uid, st.st_gid)
  }

  /// The installed zwfw as the clerk (their real uid; the binary's setgid gives the group).
  func asClerk(_ args: [String], env: [String: String] = [:]) throws -> Zwfw.Result {
    var e = ["HOME": root.path, "TERM": "xterm"]
    for (k, v) in env { e[k] = v }
    let pairs = e.map { "\($0.key)=\($0.value)" }.sorted()
    return try Self.sh(
      ["/usr/sbin/runuser", "-u", clerk, "--", "/usr/bin/env"] + pairs + [prefix + "/bin/zwfw"]
        + args)
  }

  func installed(_ args: [String]) throws -> Zwfw.Result {
    try Self.sh([prefix + "/bin/zwfw"] + args, env: ["HOME": root.path, "TERM": "xterm"])
  }

  func testInstallLayoutSetgidAndAClerkOutsideTheGroup() throws {
    try XCTSkipUnless(getuid() == 0, "installing needs root (CI runs as root)")
    let script = Zwfw.repositoryRoot.appendingPathComponent("install").path
    let r = try Self.sh(
      [script, "--prefix", prefix, "--data-dir", data, "--group", group, "--binary", Zwfw.path])
    XCTAssertEqual(r.status, 0, r.err + r.out)
    guard let gr = getgrnam(group) else { return XCTFail("group \(group) not created") }
    let gid = gr.pointee.gr_gid

    let bin = try XCTUnwrap(mode(prefix + "/bin/zwfw"))
    XCTAssertEqual(bin.mode, 0o2755, "setgid, not writable by the group")
    XCTAssertEqual(bin.uid, 0)
    XCTAssertEqual(bin.gid, gid)
    let dir = try XCTUnwrap(mode(data))
    XCTAssertEqual(dir.mode, 0o2770)
    XCTAssertEqual(dir.uid, 0)
    XCTAssertEqual(dir.gid, gid)
    for file in ["share/zwfw/holidays.tsv", "share/zwfw/rules.tsv", "share/man/man1/zwfw.1"] {
      XCTAssertNotNil(mode(prefix + "/" + file), file)
    }
    XCTAssertEqual(
      try String(contentsOfFile: prefix + "/share/zwfw/data-dir", encoding: .utf8), data + "\n")
    let unit = try String(
      contentsOfFile: prefix + "/share/zwfw/systemd/zwfw-backup.service", encoding: .utf8)
    XCTAssertTrue(
      unit.contains("ExecStart=\(prefix)/bin/zwfw backup --out-dir \(data)/backups"), unit)
    XCTAssertEqual(mode(data + "/outbox")?.mode, 0o2770)

    // The clerk's account, not in the group, becomes the district's admin.
    XCTAssertEqual(try Self.sh(["/usr/sbin/useradd", "--no-create-home", clerk]).status, 0)
    let initialised = try installed([
      "init", "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", clerk, "--district",
      "--region", "620402",
    ])
    XCTAssertEqual(initialised.status, 0, initialised.err)
    let db = data + "/node.db"
    XCTAssertEqual(mode(db)?.mode, 0o660, "group read-write, nothing for others")
    XCTAssertEqual(mode(db)?.gid, gid)

    let added = try asClerk([
      "org", "add", "SCJG", "--name", "区市场监督管理局", "--kind", "部门", "--credit-code",
      "11620402MB1592374Y",
    ])
    XCTAssertEqual(added.status, 0, added.err)
    let coded = try asClerk(["org", "set", "BYQ", "--credit-code", "11620402MB15923374"])
    XCTAssertEqual(coded.status, 0, coded.err)
    XCTAssertTrue(try asClerk(["org", "list"]).out.contains("SCJG\t区市场监督管理局"))
    // The environment cannot move it elsewhere.
    let moved = try asClerk(
      ["staff", "list"],
      env: ["ZWFW_SHARE": "/nonexistent", "TMPDIR": "/x", "ZWFW_TZ": "Mars/Base"])
    XCTAssertEqual(moved.status, 0, moved.err)
    let outside = try asClerk(["--db", root.path + "/mine.db", "staff", "list"])
    XCTAssertEqual(outside.status, 64)
    XCTAssertTrue(outside.err.contains("数据库只能位于数据目录"), outside.err)
    let sneaky = try asClerk(["staff", "list"], env: ["ZWFW_DB": data + "/../elsewhere.db"])
    XCTAssertEqual(sneaky.status, 64, sneaky.err)
    let backupOut = try asClerk(["backup", "--out", root.path + "/copy.db"])
    XCTAssertNotEqual(backupOut.status, 0, "a backup never leaves the data directory")

    // The sqlite3 shell, as the same clerk, cannot even reach the file.
    let shell = try Self.sh([
      "/usr/sbin/runuser", "-u", clerk, "--", "/usr/bin/sqlite3", db,
      "SELECT count(*) FROM journal",
    ])
    XCTAssertNotEqual(shell.status, 0, shell.out)

    let fixed = try asClerk(["--now", "2026-01-05T09:00", "org", "list"])
    XCTAssertEqual(fixed.status, 64, "the clock is not the clerk's to set")
    XCTAssertTrue(fixed.err.contains("不接受 --now"), fixed.err)

    // doctor passes on the fresh install once a backup exists and next year's holidays are in
    // (whatever today is), and fails when others can read the database.
    let year = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
    let holidays = root.appendingPathComponent("next.tsv").path
    // A whole year shaped like a notice (calendar import refuses fragments): 元旦, a week of 春节
    // and of 国庆.
    let days =
      ["\(year)-01-01\tholiday\t元旦"]
      + (10...16).map { "\(year)-02-\($0)\tholiday\t春节" }
      + (1...7).map { "\(year)-10-0\($0)\tholiday\t国庆节" }
    XCTAssertTrue(
      FileManager.default.createFile(
        atPath: holidays, contents: Data((days.joined(separator: "\n") + "\n").utf8)))
    XCTAssertEqual(chmod(root.path, 0o755), 0)
    XCTAssertEqual(chmod(holidays, 0o644), 0)
    let imported = try asClerk(["calendar", "import", holidays])
    XCTAssertEqual(imported.status, 0, imported.err)
    XCTAssertEqual(
      try asClerk(["backup", "--out-dir", data + "/backups", "--keep", "30"]).status, 0)
    let doctor = try asClerk(["doctor"])
    XCTAssertEqual(doctor.status, 0, doctor.out + doctor.err)
    XCTAssertTrue(doctor.out.contains("✔ 程序"), doctor.out)
    XCTAssertFalse(doctor.out.contains("✘"), doctor.out)
    XCTAssertEqual(chmod(db, 0o664), 0)
    let open = try asClerk(["doctor"])
    XCTAssertEqual(open.status, 1)
    XCTAssertTrue(open.out.contains("✘ 数据库权限"), open.out)
  }

  func testDestdirStagesThePackageWithoutTouchingTheSystem() throws {
    let stage = root.appendingPathComponent("stage").path
    let script = Zwfw.repositoryRoot.appendingPathComponent("install").path
    let r = try Self.sh(
      [script, "--prefix", "/usr", "--group", group, "--binary", Zwfw.path],
      env: ["DESTDIR": stage])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertNotNil(mode(stage + "/usr/bin/zwfw"))
    XCTAssertNotNil(mode(stage + "/usr/share/man/man1/zwfw.1"))
    XCTAssertEqual(
      try String(contentsOfFile: stage + "/usr/share/zwfw/data-dir", encoding: .utf8),
      "/var/lib/zwfw\n")
    XCTAssertNil(getgrnam(group), "a package stage creates no group")
  }

  func testTheManPageRendersAndIsTheGeneratedOne() throws {
    let page = Zwfw.repositoryRoot.appendingPathComponent("share/man/man1/zwfw.1").path
    let generated = try Zwfw.run(["manpage"], home: root)
    XCTAssertEqual(generated.out, try String(contentsOfFile: page, encoding: .utf8))
    let man = try Self.sh(
      ["/usr/bin/man", "--warnings", "-l", page], env: ["MANWIDTH": "80", "MANPAGER": "cat"])
    XCTAssertEqual(man.status, 0, man.err)
    XCTAssertEqual(man.err, "", "groff warnings")
    for text in ["zwfw org add CODE", "zwfw doctor", "退出状态", "部署", "受理登记"] {
      XCTAssertTrue(man.out.contains(text), text)
    }
  }
}
