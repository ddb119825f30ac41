import CSQLite

/// A database read from an image in memory (SQLite's `memdb`), in place and read-only: an
/// imported bundle's authenticated private copy is held in memory instead of a scratch file.
extension Connection {
  /// A connection on `image` alone (its `main` schema), read-only. The bytes are read where
  /// they are, never written: `owner` must keep them unchanged, and the connection keeps `owner`
  /// alive.
  public convenience init(image: UnsafeRawBufferPointer, owner: AnyObject) throws(DatabaseError) {
    try self.init(path: ":memory:")
    try deserialize(image, owner: owner, into: "main", readOnly: true)
  }

  /// Attaches `image` as `schema` (an identifier of the caller's, not input), to be read only.
  /// Not marked read-only to SQLite: `BEGIN IMMEDIATE` asks every attached database for its
  /// write lock, which a read-only image refuses; the caller writes nothing to `schema`.
  public func attach(image: UnsafeRawBufferPointer, owner: AnyObject, as schema: String)
    throws(DatabaseError)
  {
    try execute("ATTACH DATABASE ':memory:' AS \(schema)")
    do {
      try deserialize(image, owner: owner, into: schema, readOnly: false)
    } catch {
      try? execute("DETACH DATABASE \(schema)")
      throw error
    }
  }

  /// Detaches `schema` and lets its image go.
  public func detach(_ schema: String) throws(DatabaseError) {
    try execute("DETACH DATABASE \(schema)")
    images[schema] = nil
  }

  private func deserialize(
    _ image: UnsafeRawBufferPointer, owner: AnyObject, into schema: String, readOnly: Bool
  ) throws(DatabaseError) {
    guard let base = image.baseAddress, !image.isEmpty else {
      throw DatabaseError(code: SQLITE_NOTADB, message: "empty database image")
    }
    // Not RESIZEABLE and not FREEONCLOSE: the image is the owner's, and never grows.
    let rc = sqlite3_deserialize(
      handle, schema, UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self)),
      Int64(image.count), Int64(image.count),
      readOnly ? UInt32(SQLITE_DESERIALIZE_READONLY) : 0)
    guard rc == SQLITE_OK else { throw error(rc, sql: nil) }
    images[schema] = owner
    // A buffer that is not a database fails here, not at the first query.
    try execute("SELECT count(*) FROM \(schema).sqlite_master")
  }
}
