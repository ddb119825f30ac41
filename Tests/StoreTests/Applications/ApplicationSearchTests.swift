import XCTest

@testable import Domain
@testable import Store

/// 受理登记's `/` search reads `application_search` in index order (`Schema.v29`) and finds what
/// the search read whole found: any fragment of the case number, the applicant's name or the ID
/// number, open and closed cases of the queue's scope, newest first.
final class ApplicationSearchTests: XCTestCase {
  private var store: Store!

  override func setUpWithError() throws { store = try makeDemo().0 }

  /// Fragments at the start, in the middle and at the end of names, case numbers and ID numbers;
  /// one character, two, more; an ID's X typed in lower case; punctuation; none at all.
  static let fragments = [
    "金穗", "白银区", "有限公司", "餐饮有限", "公司", "马晓", "晓燕", "燕", "王", "张伟", "伟",
    "BYQ", "byq-2026", "-2026-", "000054", "54", "0", "6204", "199001010018", "0018",
    "91620402MA7X", "ma7x1y", "x1y2236", "2236", "X", "x", "c4d", "众诚人力", "人力资源服务",
    "金穗饭店", "不存在的人", "%", "_", "\\", "'", "\"", "区金", "秀兰", "兰",
  ]

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  /// What the search matched when it read its scope whole (`LIKE` on the three columns, no
  /// index), in the order the index gives: newest recorded first.
  func fullRead(_ queue: ApplicationQueue, _ s: Staff, _ text: String) throws -> [String] {
    var scope = "1"
    var args: [any SQLBindable] = []
    switch queue {
    case .mine:
      scope =
        "(assignee = ? OR (assignee IS NULL AND status IN \(Schema.applicationIntakeStatuses) AND registered_by = ?))"
      args = [s.login, s.login]
    case .organisation, .closed:
      scope = "(org = ? OR registered_org = ?)"
      args = [s.org, s.org]
    case .all: break
    }
    let p = "%" + Store.escapeLike(text) + "%"
    return try store.db.fetchAll(
      """
      SELECT case_id FROM application NOT INDEXED WHERE \(scope)
        AND (case_id LIKE ? ESCAPE '\\' OR applicant_name LIKE ? ESCAPE '\\'
          OR applicant_id LIKE ? ESCAPE '\\')
      ORDER BY rowid DESC
      """, args + [p, p, p]
    ) { $0.text(0) }
  }

  func searched(
    _ queue: ApplicationQueue, _ s: Staff, _ text: String, sort: ApplicationSort = .timeLeft,
    limit: Int = 500
  ) throws -> [String] {
    try store.applicationQueue(queue, for: s, search: text, sort: sort, limit: limit).map(\.caseID)
  }

  func assertSearchesAreFullReads(_ when: String) throws {
    var found = 0
    for login in ["chenjing", "zhengtao", "zhouqiang", "liuyang"] {
      let s = try staff(login)
      for queue in ApplicationQueue.allCases where queue != .all || s.has(.supervisor) {
        for text in Self.fragments {
          let expected = try fullRead(queue, s, text)
          found += expected.count
          for sort in ApplicationSort.allCases {
            XCTAssertEqual(
              try searched(queue, s, text, sort: sort), expected,
              "\(when): \(login) \(queue) \(sort) 「\(text)」")
          }
          // Page by page, as the pane reads it: neither repeats nor skips a case.
          let paged = try (0..<8).flatMap { i in
            try store.applicationQueue(queue, for: s, search: text, offset: i * 3, limit: 3)
          }.map(\.caseID)
          XCTAssertEqual(
            paged, Array(expected.prefix(24)), "\(when): \(login) \(queue) 「\(text)」 paged")
        }
      }
    }
    XCTAssertGreaterThan(found, 200, "the fragments find cases")
  }

  func testAnyFragmentFindsWhatReadingTheScopeWholeFound() throws {
    try assertSearchesAreFullReads("the demo")
    let chenjing = try staff("chenjing")
    XCTAssertEqual(
      try store.applicationQueue(.all, for: chenjing, search: "金穗").map(\.applicantName),
      ["白银区金穗餐饮有限公司"])
    // An ID number's X, typed either way, and the middle of a credit code.
    XCTAssertEqual(try searched(.all, chenjing, "ma7x1y").count, 1)
    XCTAssertEqual(try searched(.all, chenjing, "X1Y2236"), try searched(.all, chenjing, "x1y2236"))
    XCTAssertTrue(try searched(.all, chenjing, "金穗饭店").isEmpty)
    // Spaces around are not part of it.
    XCTAssertEqual(try searched(.all, chenjing, "  金穗 "), try searched(.all, chenjing, "金穗"))
  }

  /// The index holds each text's pairs and each character once: what `grams` gives, and the
  /// MATCH of each length.
  func testTheWordsOfACaseAndOfASearch() {
    let sep = String(ApplicationSearchIndex.separator)
    XCTAssertEqual(
      ApplicationSearchIndex.grams("BYQ-1" + sep + "金穗" + sep + "9X"),
      "by yq q_ _1 金穗 9x b y q _ 1 金 穗 9 x")
    XCTAssertEqual(ApplicationSearchIndex.grams(sep + sep), "")
    XCTAssertEqual(ApplicationSearchIndex.match("王"), "\"王\"")
    XCTAssertEqual(ApplicationSearchIndex.match("金穗"), "\"金穗\"")
    XCTAssertEqual(ApplicationSearchIndex.match("金穗\"餐"), "\"金穗 穗_ _餐\"")
    XCTAssertEqual(ApplicationSearchIndex.match("MA7x"), "\"ma a7 7x\"")
    XCTAssertNil(ApplicationSearchIndex.match(""))
  }

  /// `grams` writes its words into one buffer; the words made one string at a time are what it
  /// must give, for every kind of character a name or number holds (a single text, repeats,
  /// letters of both cases, punctuation, supplementary-plane characters, empty texts).
  func testTheWordsWrittenAsBytesAreTheWordsMadeOneByOne() {
    let sep = ApplicationSearchIndex.separator
    let alphabet: [Unicode.Scalar] = Array("王金穗餐饮有限公司aZ9-_.·\"（） 𠀋é".unicodeScalars) + [sep]
    var generator = SystemRandomNumberGenerator()
    var cases = ["", String(sep), "王", "王王王", "BYQ-2026-000001", "张\u{1F}三"]
    for _ in 0..<2000 {
      let n = Int.random(in: 0..<24, using: &generator)
      var s = String.UnicodeScalarView()
      for _ in 0..<n { s.append(alphabet.randomElement(using: &generator)!) }
      cases.append(String(s))
    }
    for text in cases {
      XCTAssertEqual(
        ApplicationSearchIndex.grams(text), Self.gramsByWord(text), text.debugDescription)
    }
  }

  /// The words of `joined` made as the index first made them: a string per word, a set of the
  /// characters seen.
  static func gramsByWord(_ joined: String) -> String {
    var pairs: [String] = []
    var singles: [String] = []
    var seen = Set<Unicode.Scalar>()
    var previous: Unicode.Scalar? = nil
    for raw in joined.unicodeScalars {
      guard raw != ApplicationSearchIndex.separator else {
        previous = nil
        continue
      }
      let c = ApplicationSearchIndex.folded(raw)
      if seen.insert(c).inserted { singles.append(String(Character(c))) }
      if let p = previous {
        var w = String.UnicodeScalarView()
        w.append(p)
        w.append(c)
        pairs.append(String(w))
      }
      previous = c
    }
    return (pairs + singles).joined(separator: " ")
  }

  /// A corrected name or ID number is found by its new text and no longer by the old one.
  func testACorrectedApplicantIsFoundByTheNewTextOnly() throws {
    let chenjing = try staff("chenjing")
    let sunli = try staff("sunli")
    let caseID = try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG' AND applicant_kind = 'person'"
      ) { $0.text(0) })
    let old = try XCTUnwrap(try store.caseState(ApplicationMachine.self, caseID)).applicant
    _ = try store.performWork(
      .correct(field: "name", value: "欧阳金穗", reason: "登记时录错"), on: caseID,
      of: ApplicationMachine.self, as: sunli)
    _ = try store.performWork(
      .correct(field: "idNumber", value: "11010519491231002x", reason: "登记时录错"), on: caseID,
      of: ApplicationMachine.self, as: sunli)
    XCTAssertTrue(try searched(.all, chenjing, "阳金").contains(caseID))
    XCTAssertTrue(try searched(.all, chenjing, "1231002x").contains(caseID))
    XCTAssertFalse(try searched(.all, chenjing, old.name).contains(caseID))
    XCTAssertFalse(try searched(.all, chenjing, old.idNumber).contains(caseID))
    XCTAssertEqual(try searched(.all, chenjing, "金穗").count, 2)
    try assertSearchesAreFullReads("after the corrections")
    XCTAssertEqual(try store.auditFindings(fast: true), [])
  }

  /// Registered after the demo: found at once, newest first.
  func testANewApplicationIsFoundFirst() throws {
    let liuyang = try staff("liuyang")
    let before = try searched(.organisation, liuyang, "620402")
    let a = try store.registerWalkIn(
      by: liuyang,
      applicant: Applicant(
        kind: .person, name: "司马金穗", idNumber: "620402199001010018", phone: "13809431234"))
    XCTAssertEqual(try searched(.organisation, liuyang, "620402"), [a.caseID] + before)
    XCTAssertEqual(try searched(.all, try staff("chenjing"), "马金穗"), [a.caseID])
  }

  /// A rebuild makes the index again from the folded rows; the audit names an index that no
  /// longer matches its rows, and the rebuild repairs it.
  func testTheIndexSurvivesARebuildAndTheAuditChecksIt() throws {
    try store.rebuild()
    try assertSearchesAreFullReads("after a rebuild")
    XCTAssertEqual(try store.auditFindings(fast: true), [])
    let rowid = try store.db.fetchInt("SELECT rowid FROM application WHERE case_id LIKE '%54'")
    try store.db.execute(
      "INSERT INTO application_search (application_search, rowid, grams) VALUES ('delete', \(rowid), (SELECT grams FROM application_search_text WHERE rowid = \(rowid)))"
    )
    XCTAssertEqual(
      try store.auditFindings(fast: true).map(\.message), ["application_search 检索索引与办件表不一致"])
    try store.rebuild()
    XCTAssertEqual(try store.auditFindings(fast: true), [])
    try assertSearchesAreFullReads("after the repair")
  }

  /// A fill leaves the index as one segment however many the rows made it write (a small hash
  /// size makes the demo's rows write many, as 1M applications do), so a search looks each word
  /// up once.
  func testARebuildLeavesTheIndexInOneSegment() throws {
    try store.db.execute(
      "INSERT INTO application_search (application_search, rank) VALUES ('hashsize', 512)")
    try store.rebuild()
    XCTAssertEqual(
      try store.db.fetchInt("SELECT count(DISTINCT segid) FROM application_search_idx"), 1)
    try assertSearchesAreFullReads("after a rebuild in one segment")
    XCTAssertEqual(try store.auditFindings(fast: true), [])
  }

  /// A database from before v29 gains the index in the migration, filled from its rows (no
  /// re-fold); the step may run again.
  func testTheMigrationFillsTheIndexOfAnExistingDatabase() throws {
    let path = store.db.path
    let clock = { beijing("2026-11-26T09:30") }
    try store.db.execute(schemaV30Undone + schemaV29Undone + "PRAGMA user_version = 28")
    store = try Store.open(path: path, clock: clock)
    XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
    try assertSearchesAreFullReads("after the migration")
    XCTAssertEqual(try store.auditFindings(fast: true), [])
    try store.db.execute(schemaV30Undone + "PRAGMA user_version = 28")
    store = try Store.open(path: path, clock: clock)
    try assertSearchesAreFullReads("after the migration ran again")
  }
}

/// What schema v29 added (受理登记's search index, its view and triggers).
let schemaV29Undone = """
  DROP TRIGGER application_search_insert; DROP TRIGGER application_search_delete;
  DROP TRIGGER application_search_update; DROP TABLE application_search;
  DROP VIEW application_search_text;
  """
