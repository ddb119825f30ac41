import Domain
import Foundation

extension Store {
  /// 导出同步文件 — writes what `peer` may lack into a new bundle at `path`.
  ///
  /// Everything after what the peer is known to hold (its marks in the newest bundle imported
  /// from it) is included, so exporting again before hearing back is safe: the peer ignores what
  /// it already has. Events outside the peer's scope travel as hash-only ranges, so the peer can
  /// still verify each origin's chain end to end.
  public func exportBundle(
    to peer: String, path: String, by staff: Staff, progress: ProgressReporter? = nil
  ) throws -> ExportSummary {
    if let refusal = Permission.check(staff, .exportBundle) {
      logRefusal(actor: staff.login, action: .exportBundle, subject: peer, reason: refusal.message)
      throw refusal
    }
    return try writeBundle(
      to: peer, path: path, kind: .sync, actor: staff.login, progress: progress)
  }

  /// The name a scheduled export gives the next bundle to `peer` in a folder: sender, peer and
  /// serial (`BYQ-to-WXZ-000012.zwfwsync`), so bundles sort in the order they must be imported
  /// and a name is never reused.
  public func nextBundleFileName(to peer: String) throws -> String {
    let serial = try SyncBookkeeping(db: db).nextExportSerial(to: peer, epoch: node.epoch)
    let digits = String(serial)
    return "\(node.code)-to-\(peer)-"
      + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".zwfwsync"
  }

  func writeBundle(
    to peer: String, path: String, kind: BundleManifest.Kind, actor: String,
    progress: ProgressReporter?
  ) throws -> ExportSummary {
    try checkExportPeer(peer)
    try refuseFixedClock()
    guard let key = try pairKey(peer) else {
      throw Refusal("本节点没有与 \(peer) 的配对密钥,无法导出;区级系统管理员可执行 zwfw node rekey \(peer) --out 文件")
    }
    // An enrolment file will carry a key: private to the admin even on a group-shared node.
    let writer = try BundleWriter(
      path: path, files: kind == .enrolment ? FileWriter(protected: files.protected) : files)
    let book = SyncBookkeeping(db: db)
    let chain = LocalChain(db: db)
    let ms = Int64(clock().timeIntervalSince1970 * 1000)
    var summary = ExportSummary(
      peer: peer, peerName: try peerName(peer), serial: 0, path: path, events: [:],
      casesTouched: 0, conflicts: 0)
    let manifest = try db.inTransaction(.deferred) { () throws -> BundleManifest in
      let marks = try book.marks(of: peer)
      let heads = try chain.heads()
      let scope = try ExportScope.make(exporter: node, peer: peer, db: db)
      let backfill = try scope.backfill(marks: marks, heads: heads, db: db)
      let total = heads.filter { scope.covers(origin: $0.key) }.reduce(Int64(0)) {
        $0 + max(0, $1.value.seq - (marks[$1.key]?.seq ?? 0))
      }
      var emitter = CoverEmitter(
        writer: writer, scope: scope, chain: chain, total: Int(total), progress: progress)
      for (origin, head) in heads.sorted(by: { $0.key < $1.key }) where scope.covers(origin: origin)
      {
        try emitter.emit(
          origin: origin, head: head, base: marks[origin]?.seq ?? 0,
          backfill: backfill[origin] ?? [])
      }
      summary.events = emitter.sent
      let open = Set(
        try db.fetchAll("SELECT stream FROM conflict WHERE resolved_by IS NULL") { $0.text(0) })
      summary.casesTouched = emitter.cases.count
      summary.conflicts = emitter.cases.intersection(open).count
      return BundleManifest(
        format: BundleFormat.version, kind: kind, district: node.district, fromNode: node.code,
        fromOrigin: node.origin, toNode: peer,
        serial: try book.nextExportSerial(to: peer, epoch: node.epoch),
        createdAt: ms, training: node.training, eventCount: 0, elidedCount: 0, digest: "",
        marks: heads, witness: try book.witnesses(of: peer))
    }
    let written = try writer.finish(manifest, key: key)
    summary.serial = written.serial
    try db.inTransaction(.immediate) {
      try book.recordExport(
        peer: peer, serial: written.serial, ms: ms, actor: actor, path: path,
        events: written.eventCount, digest: written.digest)
    }
    return summary
  }

  /// The district exports to enrolled townships; a township only to its district.
  func checkExportPeer(_ peer: String) throws {
    if peer == node.code { throw Refusal("不能导出给本节点自己") }
    if node.isDistrict {
      guard try isPeer(peer) else {
        throw Refusal("节点 \(peer) 未登记。登记乡镇节点: zwfw node add --code \(peer) --name 名称 --out 文件")
      }
    } else if peer != node.district {
      throw Refusal("乡镇节点只与区级节点(\(node.district))交换同步文件")
    }
  }
}

/// Walks one origin's chain from where the cover starts, sending in-scope events whole and
/// merging everything else into hash-only ranges.
struct CoverEmitter {
  let writer: BundleWriter
  let scope: ExportScope
  let chain: LocalChain
  let total: Int
  let progress: ProgressReporter?
  private(set) var sent: [String: Int] = [:]
  private(set) var cases = Set<String>()
  private var done = 0

  init(
    writer: BundleWriter, scope: ExportScope, chain: LocalChain, total: Int,
    progress: ProgressReporter?
  ) {
    self.writer = writer
    self.scope = scope
    self.chain = chain
    self.total = total
    self.progress = progress
  }

  mutating func emit(origin: String, head: ChainMark, base: Int64, backfill: Set<Int64>) throws {
    var start = min(base + 1, backfill.min() ?? base + 1)
    guard start <= head.seq else { return }
    // A cover starts at a known hash: never in the middle of a range held only as hashes.
    if let r = try chain.elided(origin, containing: start) { start = r.first }
    let ranges = try chain.db.fetchAll(
      ElidedRange.self,
      """
      SELECT \(ElidedRange.columns) FROM chain_elided
      WHERE origin = ? AND first_seq >= ? ORDER BY first_seq
      """, [origin, start])
    var nextRange = 0
    var pending: ElidedRange?
    func hide(_ r: ElidedRange) {
      if var p = pending {
        p.last = r.last
        p.hash = r.hash
        pending = p
      } else {
        pending = r
      }
    }
    func flush() throws {
      if let p = pending { try writer.add(ChainItem(origin: origin, elided: p)) }
      pending = nil
    }
    try chain.db.forEach(
      "SELECT \(Journal.columns) FROM journal WHERE origin = ? AND seq >= ? ORDER BY seq",
      [origin, start]
    ) { row in
      let e = Journal.read(row)
      while nextRange < ranges.count, ranges[nextRange].first < e.seq {
        hide(ranges[nextRange])
        nextRange += 1
      }
      let whole = e.seq > base ? scope.sends(e) : backfill.contains(e.seq)
      if whole {
        try flush()
        try writer.add(ChainItem(event: e))
        sent[origin, default: 0] += 1
        if SyncScope.countsAsCase(stream: e.stream) { cases.insert(e.stream) }
      } else {
        hide(ElidedRange(first: e.seq, last: e.seq, prevHash: e.prevHash, hash: e.hash))
      }
      done += 1
      if done % 5000 == 0 { progress?(SyncPhase.exporting.step(done, total)) }
    }
    while nextRange < ranges.count {
      hide(ranges[nextRange])
      nextRange += 1
    }
    try flush()
  }
}
