import Foundation

/// SQLite's locking is unreliable over NFS/SMB, and several clerks share one file: refuse early.
enum FilesystemCheck {
  static let networkTypes: Set<String> = [
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "lustre", "gpfs", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.s3fs", "afs", "ncpfs",
  ]

  static func refuseNetworkFilesystem(path: String) throws {
    if let type = filesystemType(of: path), networkTypes.contains(type) {
      throw StoreError.networkFilesystem(path)
    }
  }

  /// The type of the filesystem holding `path`, from the longest matching mount point in
  /// /proc/mounts (nil where that file does not exist).
  static func filesystemType(of path: String) -> String? {
    guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else {
      return nil
    }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    var best: (length: Int, type: String)?
    for line in mounts.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 3 else { continue }
      // Mount points escape spaces as \040.
      let point = fields[1].replacingOccurrences(of: "\\040", with: " ")
      let matches =
        point == "/" || absolute == point
        || absolute.hasPrefix(point.hasSuffix("/") ? point : point + "/")
      if matches, point.count > (best?.length ?? -1) {
        best = (point.count, String(fields[2]))
      }
    }
    return best?.type
  }
}
