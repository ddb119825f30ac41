import Domain
import Foundation

/// 创世事件 — a node's identity and mode come from the first event of its local chain, written
/// when the database was created, not from the `local_node` row any `sqlite3` shell can edit.
extension Store {
  /// Appends the genesis event of a new node (inside `create`'s transaction).
  static func appendGenesis(_ node: NodeIdentity, at date: Date, db: Connection) throws {
    _ = try Journal.append(
      [EventDraft(stream: NodeGenesis.stream(node.code), type: .nodeGenesis, body: node)],
      origin: node.localOrigin, node: node.code, actor: "zwfw",
      timestamp: Int64((date.timeIntervalSince1970 * 1000).rounded()), db: db)
  }

  /// The genesis events of the journal (one in a sound database), hash checked.
  static func genesisEvents(_ db: Connection) throws -> [Event] {
    try db.fetchAll(
      """
      SELECT \(Journal.columns) FROM journal
      WHERE stream >= '\(NodeGenesis.streamKind)/' AND stream < '\(NodeGenesis.streamKind)0'
      ORDER BY origin, seq
      """, [], Journal.read)
  }

  /// The node as its genesis states it, with the epoch of the `local_node` row (a restore moves
  /// it on). Nil when the database has no genesis (made by a build before it existed): such a
  /// node is taken as production. Throws when the genesis is missing its hash, doubled, or names
  /// another node than the row — the file was edited.
  static func identity(row: NodeIdentity, db: Connection) throws -> NodeIdentity? {
    let events = try genesisEvents(db)
    guard !events.isEmpty else { return nil }
    guard events.count == 1, let event = events.first, event.computedHash() == event.hash,
      let genesis = NodeGenesis.identity(of: event)
    else { throw StoreError.invalid(identityMessage(db.path, detail: "创世事件被改动或重复")) }
    guard genesis.code == row.code, genesis.district == row.district,
      genesis.isDistrict == row.isDistrict, row.epoch >= genesis.epoch
    else {
      throw StoreError.invalid(
        identityMessage(db.path, detail: "local_node 表记录的节点(\(row.code))与创世事件(\(genesis.code))不符"))
    }
    var node = genesis
    node.epoch = row.epoch
    return node
  }

  static func identityMessage(_ path: String, detail: String) -> String {
    "数据库 \(path) 的节点身份已被改动(\(detail)),拒绝打开;请用 zwfw restore 从备份恢复"
  }

  /// Whether the `local_node` row still says what the genesis says (`audit verify` reports it).
  func identityRowProblem() throws -> String? {
    guard let row = try Self.readRow(db) else { return "local_node 表没有本节点记录" }
    guard let genesis = try Self.identity(row: row, db: db) else { return nil }
    if row.training != genesis.training {
      return
        "local_node 表的 training 列为 \(row.training ? 1 : 0),创世事件为 \(genesis.training ? 1 : 0)(以创世事件为准)"
    }
    if row.name != genesis.name {
      return "local_node 表的节点名称「\(row.name)」与创世事件「\(genesis.name)」不符"
    }
    return nil
  }
}
