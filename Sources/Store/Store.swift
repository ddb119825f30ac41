import CSQLite
import Domain
import Foundation

/// 工作站数据库 — one node's SQLite database: the journal and the tables projected from it.
///
/// Every change goes through `write`, which takes the write lock (`BEGIN IMMEDIATE`), lets the
/// feature decide its events, appends them and re-projects their streams in the same transaction.
public final class Store {
  public let db: Connection
  public internal(set) var node: NodeIdentity
  public private(set) var calendar: WorkCalendar
  public let zone: DeploymentZone
  /// The clock is an input (`--now`, `ZWFW_NOW`), so every deadline is reproducible in a test.
  public var clock: () -> Date
  /// The clock was set by hand (`--now`, `ZWFW_NOW`): reading is fine, but a production node
  /// refuses to write under it (`refuseFixedClock`), so no step is stamped at a chosen time.
  public var clockIsFixed = false
  /// Every projector this store folds with: `Projectors.all` plus any a test supplies.
  public let projectors: [any Projector]
  let projectorsByKind: [String: any Projector]

  init(
    db: Connection, node: NodeIdentity, zone: DeploymentZone, clock: @escaping () -> Date,
    extraProjectors: [any Projector]
  ) throws {
    self.db = db
    self.node = node
    self.zone = zone
    self.clock = clock
    self.projectors = Projectors.all + extraProjectors
    self.projectorsByKind = Dictionary(
      projectors.map { ($0.streamKind, $0) }, uniquingKeysWith: { first, _ in first })
    self.calendar = .weekdaysOnly()
    try reloadCalendar()
  }

  public var now: Date { clock() }
  public var today: CivilDate { zone.civilDate(clock()) }
  public var foldContext: FoldContext {
    FoldContext(calendar: calendar, zone: zone, cache: foldCache)
  }
  /// Folds of the cases worked on lately; forgotten whenever the calendar is reloaded.
  let foldCache = FoldCache()
  /// Catalog items decoded from their stored JSON (every registration looks one up).
  let itemBodies = DecodedBodies<CatalogItem>()
  /// Index matches from which a complaint search reads the queue in order (`ComplaintSearch`);
  /// tests lower it to take that path over the demo's few complaints.
  var complaintSearchCommonAt = ComplaintSearch.commonAt
  /// Streams of at least this many folded events keep their fold at import (`fold_state`);
  /// tests lower it.
  var storedFoldMinimum = Store.storedFoldMinimum
  /// An import loads in bulk when its new events reach this share of the journal
  /// (`Store+ImportRefold`); tests set it to force either way.
  var bulkImportShare = Store.bulkImportShare
  /// While the demo writes its scripted past, events take the clock as it is set, back and
  /// forth (each seed writes its own streams in time order); the causal clock only follows.
  var scriptedHistory = false
  /// The schema version this process upgraded the database from when it opened it (nil: none).
  public internal(set) var upgradedFrom: Int?

  var projectionContext: ProjectionContext {
    ProjectionContext(db: db, fold: foldContext, node: node)
  }

  /// Opens an existing zwfw database, migrating it forward if this build is newer.
  /// - Parameter extraProjectors: projectors beyond `Projectors.all` (tests fold their own kinds).
  /// - Parameter progress: the upgrade's progress, called only when there is one to run.
  public static func open(
    path: String, zone: DeploymentZone = .shanghai, clock: @escaping () -> Date = Date.init,
    extraProjectors: [any Projector] = [], progress: ProgressReporter? = nil
  ) throws -> Store {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path) }
    try FilesystemCheck.refuseNetworkFilesystem(path: path)
    let db: Connection
    let found: Int
    do {
      db = try Connection(path: path, mode: .readWrite(create: false))
      found = try Migrator.check(db)
    } catch let e as DatabaseError where e.isNotADatabase {
      throw StoreError.notZwfw(path)
    } catch Migrator.Problem.foreignDatabase {
      throw StoreError.notZwfw(path)
    } catch Migrator.Problem.newerVersion(let found, let known) {
      throw StoreError.newerVersion(path: path, found: found, known: known)
    }
    guard try db.fetchInt("SELECT count(*) FROM sqlite_master WHERE name = 'local_node'") == 1,
      let node = try readNode(db)
    else { throw StoreError.notInitialised(path) }
    try db.configureForStore()
    try Self.defineFunctions(db)
    try Migrator.migrate(db, progress: progress)
    let store = try Store(
      db: db, node: node, zone: zone, clock: clock, extraProjectors: extraProjectors)
    let refolded = try store.refoldIfPending(progress: progress)
    if refolded || found < Migrator.latestVersion { store.upgradedFrom = found }
    return store
  }

  /// Creates a new, empty node database. Refuses to overwrite an existing file.
  public static func create(
    path: String, node: NodeIdentity, zone: DeploymentZone = .shanghai,
    clock: @escaping () -> Date = Date.init, extraProjectors: [any Projector] = []
  ) throws -> Store {
    if FileManager.default.fileExists(atPath: path) { throw StoreError.exists(path) }
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty { try FilesystemCheck.refuseNetworkFilesystem(path: dir) }
    // Created empty with its final mode first: SQLite would make it 0644 under umask 022, and
    // gives the -wal and -shm files the database's mode.
    try FileWriter.createDatabaseFile(path)
    let db = try Connection(path: path, mode: .readWrite(create: true))
    try db.configureForStore()
    try Self.defineFunctions(db)
    try Migrator.migrate(db)
    try db.inTransaction {
      // An empty journal has nothing to re-fold.
      try db.run("DELETE FROM refold_pending")
      try db.run(
        """
        INSERT INTO local_node (id, code, name, district, is_district, epoch, training, created_at)
        VALUES (1, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          node.code, node.name, node.district, node.isDistrict, node.epoch, node.training,
          Int64(clock().timeIntervalSince1970),
        ])
      try appendGenesis(node, at: clock(), db: db)
    }
    return try Store(
      db: db, node: node, zone: zone, clock: clock, extraProjectors: extraProjectors)
  }

  /// This node: its identity and mode from the genesis event, the epoch from `local_node`. A
  /// database older than the genesis event is a production node whatever its row says.
  static func readNode(_ db: Connection) throws -> NodeIdentity? {
    guard var row = try readRow(db) else { return nil }
    if let node = try identity(row: row, db: db) { return node }
    row.training = false
    return row
  }

  /// The `local_node` row as stored (a cache of the genesis event).
  static func readRow(_ db: Connection) throws -> NodeIdentity? {
    try db.fetchOne(
      NodeIdentity.self,
      "SELECT code, name, district, is_district, epoch, training FROM local_node WHERE id = 1")
  }

  /// SQL functions the migrations call (the same Swift code the projectors run).
  static func defineFunctions(_ db: Connection) throws {
    try db.defineFunction("zwfw_bigrams") { ComplaintTextIndex.bigrams($0) }
    // Also called by `application_search`'s view and triggers (`Schema.v29`).
    try db.defineFunction("zwfw_application_grams") { ApplicationSearchIndex.grams($0) }
  }

  /// Reloads the working-day calendar from its projection.
  public func reloadCalendar() throws {
    let years = Set(
      try db.values(
        "year", of: "calendar_year", as: Int.self, "SELECT year FROM calendar_year"))
    let entries = try db.fetchAll(
      CalendarEntry.self, "SELECT date, kind, name FROM calendar_day ORDER BY date")
    calendar = WorkCalendar(entries: entries, loadedYears: years)
    foldCache.invalidate()
  }

  /// Closes the connection's statements; the handle closes when the store is released.
  public var schemaVersion: Int { (try? db.fetchInt("PRAGMA user_version")) ?? 0 }
}

@available(*, unavailable)
extension Store: Sendable {}
