import Domain
import Foundation

extension Store {
  /// 登记乡镇节点 — records a township node and the organisations it serves, then writes its
  /// enrolment file: the first bundle addressed to it, carrying the district's shared data.
  ///
  /// - Parameter organisations: codes of the organisations the node serves; an unknown code equal
  ///   to the node's code is defined as a township of the node's name.
  /// - Parameter region: the township's 9-digit 行政区划代码, under the district's own 6.
  public func enrolNode(
    code: String, name: String, organisations: [String], region: String? = nil, path: String,
    by admin: Staff,
    progress: ProgressReporter? = nil
  ) throws -> ExportSummary {
    let trimmedName = name.trimmingSpaces()
    let key = try Self.newPairKey()
    try write(as: admin, .enrolNode, subject: "peer/\(code)") { tx in
      try requireDistrict(for: "乡镇节点登记")
      if let r = NodeEnrolment.checkCode(code) ?? NodeEnrolment.checkName(trimmedName) { throw r }
      if code == node.code { throw Refusal("\(code) 是本节点自己的代码") }
      if try isPeer(code) {
        throw Refusal("节点 \(code) 已登记。重新生成登记文件(并更换密钥): zwfw node rekey \(code) --out 文件")
      }
      if let region, let r = RegionCode.checkTownship(region, district: node.region) { throw r }
      try checkBundleDestination(path)
      var drafts = [
        pairKeyDraft(code, key),
        PeerReducer.registered(township: code, name: trimmedName, region: region),
      ]
      // The townships learn the district's name from its own registration (a demo has none).
      if try !isPeer(node.code) {
        drafts.insert(
          PeerReducer.registered(district: node), at: 1)
      }
      let existing = Dictionary(
        try self.organisations().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
      var position = try db.fetchInt("SELECT coalesce(max(position), 0) FROM org")
      for org in organisations.isEmpty ? [code] : organisations {
        guard var o = existing[org] else {
          guard org == code else {
            throw Refusal("单位「\(org)」不存在,可用 zwfw org list 查看单位代码,zwfw org add 添加单位")
          }
          let township = Organisation(code: code, name: trimmedName, kind: .township, node: code)
          if let r = OrganisationReducer.check(township) { throw r }
          position += 1
          drafts.append(
            OrganisationReducer.defined(township, position: position))
          continue
        }
        if o.kind == .district { throw Refusal("「\(o.name)」是区级单位,由区级节点办理") }
        if let other = o.node, other != code {
          throw Refusal("「\(o.name)」已由节点 \(other) 服务")
        }
        guard o.node != code else { continue }
        o.node = code
        let at = try db.fetchInt("SELECT position FROM org WHERE code = ?", [org])
        drafts.append(
          OrganisationReducer.defined(o, position: at))
      }
      try tx.append(drafts)
    }
    return try writeBundle(
      to: code, path: path, kind: .enrolment, actor: admin.login, progress: progress)
  }

  /// The destination of a bundle: an existing directory, and no file there yet.
  func checkBundleDestination(_ path: String) throws {
    try files.check(path)
  }

  /// 从登记文件初始化 — creates a township node's database from the enrolment file the district
  /// wrote for it: the node's identity comes from the file, its data from importing it.
  public static func createFromEnrolment(
    path: String, enrolment: String, zone: DeploymentZone = .shanghai,
    clock: @escaping () -> Date = Date.init, clockIsFixed: Bool = false,
    extraProjectors: [any Projector] = [], actor: String, progress: ProgressReporter? = nil
  ) throws -> (Store, ImportSummary) {
    let reader = try BundleReader(path: enrolment) { seal in
      // The file carries the pair key: it authenticates the file against damage, while its
      // secrecy rests on the admin carrying it by hand (README, threat model).
      guard seal.kind == .enrolment, let key = seal.carriedKey else {
        throw BundleProblem.notEnrolment(path: enrolment, reason: "这是同步文件,不是区级节点生成的登记文件")
      }
      return key
    }
    let m = reader.manifest
    guard m.fromNode == m.district else {
      throw BundleProblem.notEnrolment(path: enrolment, reason: "登记文件应由区级节点 \(m.district) 生成")
    }
    guard m.witness.isEmpty else {
      throw BundleProblem.notEnrolment(
        path: enrolment, reason: "区级节点已收到过 \(m.toNode) 的数据,这不是新节点的登记文件")
    }
    guard let registration = try reader.events(stream: PeerReducer.stream(m.toNode)).last,
      let peer = try? registration.decode(PeerNode.self)
    else {
      throw BundleProblem.notEnrolment(path: enrolment, reason: "文件中没有节点 \(m.toNode) 的登记信息")
    }
    let identity = NodeIdentity(
      code: m.toNode, name: peer.name, district: m.district, isDistrict: false,
      training: m.training, region: peer.region)
    let store = try Store.create(
      path: path, node: identity, zone: zone, clock: clock, extraProjectors: extraProjectors)
    store.clockIsFixed = clockIsFixed
    do {
      if let key = reader.seal.carriedKey {
        try store.write(actor: actor) { tx in try tx.append([store.pairKeyDraft(m.district, key)]) }
      }
      let summary = try store.importBundle(
        reader, actor: actor, progress: progress, afterValidation: nil)
      return (store, summary)
    } catch {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
      throw error
    }
  }
}
