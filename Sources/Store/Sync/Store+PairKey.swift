import Domain
import Foundation

extension Action {
  /// 更换配对密钥 — the district replaces a township's pair key (a bundle or enrolment file was
  /// lost or stolen); the township takes the new key from the file carried by hand.
  public static let rekeyNode = Action("node.rekey", "更换节点配对密钥", roles: [.admin])
}

/// 配对密钥 — the 256-bit key a district shares with one township, authenticating every bundle
/// between them. It is node-local configuration (`nodesetting/…`, chained under the local origin,
/// never in a bundle): the only copy that travels is the one in the enrolment file.
extension Store {
  func pairKeySetting(_ peer: String) -> String { "pairkey.\(peer)@\(node.code)" }

  /// The key this node shares with `peer`, nil when it has none.
  func pairKey(_ peer: String) throws -> [UInt8]? {
    try settingValue(pairKeySetting(peer)).flatMap { HMACSHA256.bytes(hex: $0) }.flatMap {
      $0.count == HMACSHA256.length ? $0 : nil
    }
  }

  /// The event that records `key` as the pair key with `peer`.
  func pairKeyDraft(_ peer: String, _ key: [UInt8]) -> EventDraft {
    NodeSettingReducer.changed(pairKeySetting(peer), to: SHA256.hex(key))
  }

  /// A fresh pair key from the kernel's random source.
  static func newPairKey() throws -> [UInt8] {
    guard let key = HMACSHA256.randomKey() else {
      throw StoreError.invalid("无法读取系统随机数(/dev/urandom),未生成配对密钥")
    }
    return key
  }

  /// The key a bundle's code is checked with: the pair key with its sender. An enrolment file
  /// is not a sync bundle, and a sender this node does not exchange with is named as such.
  func bundleKey(for seal: BundleSeal, path: String) throws -> [UInt8] {
    if seal.kind == .enrolment { throw BundleProblem.enrolmentFile(path: path) }
    // Addressed elsewhere: refused by name rather than as a code that does not match.
    if seal.to != node.code {
      throw BundleProblem.otherNode(path: path, addressee: seal.to, us: node.code)
    }
    if let key = try pairKey(seal.from) { return key }
    if node.isDistrict, try !isPeer(seal.from) {
      throw BundleProblem.unknownPeer(path: path, peer: seal.from)
    }
    if !node.isDistrict, seal.from != node.district {
      throw BundleProblem.notFromDistrict(path: path, peer: seal.from, district: node.district)
    }
    throw BundleProblem.noKey(path: path, peer: seal.from)
  }

  /// 更换配对密钥(区级) — a new key for an enrolled township, written with what it may lack
  /// into a new enrolment-style file for the admin to carry to it by hand. Bundles under the old
  /// key are refused from now on, in both directions.
  public func rekeyNode(
    _ peer: String, path: String, by admin: Staff, progress: ProgressReporter? = nil
  ) throws -> ExportSummary {
    let key = try Self.newPairKey()
    try write(as: admin, .rekeyNode, subject: "peer/\(peer)") { tx in
      try requireDistrict(for: "更换配对密钥")
      guard try isPeer(peer), peer != node.code else {
        throw Refusal("节点 \(peer) 未登记。登记乡镇节点: zwfw node add --code \(peer) --name 名称 --out 文件")
      }
      try checkBundleDestination(path)
      try tx.append([pairKeyDraft(peer, key)])
    }
    return try writeBundle(
      to: peer, path: path, kind: .enrolment, actor: admin.login, progress: progress)
  }

  /// 接受新配对密钥(乡镇) — takes the key from a re-key file the district wrote for this node,
  /// imports what the file brings, then records the key. Refused whole like any bundle.
  public func acceptRekey(path: String, by admin: Staff, progress: ProgressReporter? = nil) throws
    -> ImportSummary
  {
    if let refusal = Permission.check(admin, .rekeyNode) {
      logRefusal(actor: admin.login, action: .rekeyNode, subject: path, reason: refusal.message)
      throw refusal
    }
    do {
      if node.isDistrict { throw Refusal("区级节点生成配对密钥: zwfw node rekey 节点代码 --out 文件") }
      let reader = try BundleReader(path: path) { seal in
        guard seal.kind == .enrolment, let key = seal.carriedKey else {
          throw BundleProblem.notEnrolment(path: path, reason: "这是同步文件,不是区级节点生成的更换密钥文件")
        }
        return key
      }
      let summary = try importBundle(
        reader, actor: admin.login, progress: progress, afterValidation: nil)
      guard let key = reader.seal.carriedKey else { return summary }
      try write(actor: admin.login, action: .rekeyNode, subject: path) { tx in
        try tx.append([pairKeyDraft(reader.manifest.fromNode, key)])
      }
      return summary
    } catch let problem as BundleProblem {
      logRefusal(actor: admin.login, action: .rekeyNode, subject: path, reason: problem.reason)
      throw problem
    }
  }
}
