import Foundation

extension Store {
  /// The writer of this node's files: private (or the node's group's), and never onto the
  /// database or its `-wal`/`-shm`/`-journal`, whatever path names them.
  public var files: FileWriter {
    FileWriter(access: .node(database: db.path), protected: FileIdentity.database(db.path))
  }
}
