import Domain

/// Why a bundle was refused, in the admin's words. Every refusal means nothing was applied.
public enum BundleProblem: Error, Equatable, UserFacingError {
  case unreadable(path: String)
  case notBundle(path: String)
  case incomplete(path: String, expectedBytes: Int, actualBytes: Int)
  case damaged(path: String)
  case foreignObjects(path: String, objects: [String])
  case newerFormat(path: String, found: Int, known: Int)
  case malformed(path: String, detail: String)
  case otherDistrict(path: String, theirs: String, ours: String)
  case otherNode(path: String, addressee: String, us: String)
  case fromSelf(path: String)
  case unknownPeer(path: String, peer: String)
  case notFromDistrict(path: String, peer: String, district: String)
  case digestMismatch(path: String)
  case eventEdited(origin: String, seq: Int64)
  case chainBroken(origin: String, seq: Int64)
  case notAuthorised(origin: String, seq: Int64, stream: String)
  case localOnly(origin: String, seq: Int64, stream: String)
  case ownEvent(origin: String, seq: Int64)
  /// 分叉 — the same (origin, seq) with another hash, or a link that contradicts what we hold.
  case fork(peer: String, origin: String, seq: Int64)
  /// Our own history is shorter than, or different from, what the peer saw last time.
  case oursTruncated(peer: String, origin: String, seen: Int64, held: Int64)
  case oursRewritten(peer: String, origin: String, seq: Int64)
  /// The peer's own history is shorter than, or different from, what it reported last time.
  case theirsTruncated(peer: String, origin: String, seen: Int64, now: Int64)
  case theirsRewritten(peer: String, origin: String, seq: Int64)
  case notEnrolment(path: String, reason: String)
  /// No authentication trailer: written by an older zwfw, cut short, or stripped.
  case unsealed(path: String)
  /// The code does not match the pair key: edited, forged, or under a replaced key.
  case forged(path: String, peer: String)
  case noKey(path: String, peer: String)
  /// An enrolment (or re-key) file given to `sync import`.
  case enrolmentFile(path: String)
  /// A demo/training node and a production node never exchange data.
  case modeMismatch(path: String, theirsTraining: Bool)

  /// Raised as an alarm in the 同步 pane as well as refused.
  public var isAlarm: Bool {
    switch self {
    case .fork, .oursTruncated, .oursRewritten, .theirsTruncated, .theirsRewritten: return true
    default: return false
    }
  }

  /// The origin and sequence number an alarm is about.
  var alarmSubject: (peer: String, origin: String, seq: Int64, kind: String)? {
    switch self {
    case .fork(let p, let o, let s): return (p, o, s, "fork")
    case .oursTruncated(let p, let o, let s, _), .oursRewritten(let p, let o, let s),
      .theirsTruncated(let p, let o, let s, _), .theirsRewritten(let p, let o, let s):
      return (p, o, s, "witness")
    default: return nil
    }
  }

  public var userMessage: String { reason + ",未导入任何内容" }

  /// The cause without the closing "nothing applied".
  public var reason: String {
    switch self {
    case .unreadable(let p): return "无法读取同步文件 \(p)"
    case .notBundle(let p): return "\(p) 不是 zwfw 同步文件"
    case .incomplete(let p, let e, let a):
      return "同步文件 \(p) 不完整(应有 \(e) 字节,实际 \(a) 字节),可能复制时被截断,请重新复制"
    case .damaged(let p): return "同步文件 \(p) 已损坏(数据库完整性检查未通过),请重新导出"
    case .foreignObjects(let p, let objects):
      return "同步文件 \(p) 含有不应有的数据库对象(\(objects.joined(separator: "、"))),可能被篡改"
    case .newerFormat(let p, let found, let known):
      return "同步文件 \(p) 由更新版本的 zwfw 生成(同步格式 \(found),本程序支持到 \(known)),请先升级 zwfw"
    case .malformed(let p, let detail): return "同步文件 \(p) 格式错误: \(detail)"
    case .otherDistrict(let p, let theirs, let ours):
      return "同步文件 \(p) 属于另一个区(\(theirs)),本节点属于 \(ours)"
    case .otherNode(let p, let to, let us): return "同步文件 \(p) 是发给节点 \(to) 的,不是本节点(\(us))"
    case .fromSelf(let p): return "同步文件 \(p) 是本节点自己导出的"
    case .unknownPeer(let p, let peer):
      return "同步文件 \(p) 来自未登记的节点 \(peer),请先用 zwfw node add 登记该节点"
    case .notFromDistrict(let p, let peer, let district):
      return "同步文件 \(p) 来自 \(peer);乡镇节点只与区级节点(\(district))交换同步文件"
    case .digestMismatch(let p): return "同步文件 \(p) 的内容与清单摘要不符(事件被改动或文件不完整)"
    case .eventEdited(let o, let s): return "同步文件中 \(o) 第 \(s) 号事件的内容与哈希不符(事件被改动)"
    case .chainBroken(let o, let s): return "同步文件中 \(o) 第 \(s) 号事件与前一事件的哈希链断裂"
    case .notAuthorised(let o, let s, let stream):
      return "同步文件中 \(o) 第 \(s) 号事件修改了「\(stream)」;这类数据只能由区级节点维护"
    case .localOnly(let o, let s, let stream):
      return "同步文件中 \(o) 第 \(s) 号事件是节点本地设置(\(stream)),本地设置不应同步"
    case .ownEvent(let o, let s): return "同步文件中含有本节点自己的事件(\(o) 第 \(s) 号),而本节点没有这一事件"
    case .fork(let peer, let o, let s):
      return "分叉: 来自 \(peer) 的 \(o) 第 \(s) 号事件与本节点已有的记录不同。已记录告警,请系统管理员核查两个节点"
    case .oursTruncated(let peer, let o, let seen, let held):
      return
        "\(peer) 上次交换时已收到本节点 \(o) 第 \(seen) 号事件,而本节点现在只有到第 \(held) 号:本节点的事件日志被截断或从备份恢复。已记录告警"
    case .oursRewritten(let peer, let o, let s):
      return "\(peer) 上次交换时所见的本节点 \(o) 第 \(s) 号事件与本节点现在的记录不同:本节点的事件日志被改写。已记录告警"
    case .theirsTruncated(let peer, let o, let seen, let now):
      return
        "\(peer) 上次报告其 \(o) 已到第 \(seen) 号事件,这次只到第 \(now) 号:对方的事件日志被截断或从备份恢复。已记录告警"
    case .theirsRewritten(let peer, let o, let s):
      return "\(peer) 的 \(o) 第 \(s) 号事件与上次交换时报告的不同:对方的事件日志被改写。已记录告警"
    case .notEnrolment(let p, let reason): return "\(p) 不能用于初始化节点: \(reason)"
    case .unsealed(let p): return "同步文件 \(p) 没有认证码(由旧版本生成、复制不完整或被改动)"
    case .forged(let p, let peer):
      return "同步文件 \(p) 的认证码与本节点和 \(peer) 的配对密钥不符:文件被改动、不是 \(peer) 生成,或密钥已更换"
    case .noKey(let p, let peer):
      return "本节点没有与 \(peer) 的配对密钥,无法核验同步文件 \(p);请区级系统管理员执行 zwfw node rekey 生成新的登记文件"
    case .enrolmentFile(let p):
      return "\(p) 是登记文件,不是同步文件:新节点用 zwfw init --from-enrolment,更换密钥用 zwfw node rekey --accept"
    case .modeMismatch(let p, let theirs):
      return "同步文件 \(p) 来自\(theirs ? "演示或培训" : "生产")节点,本节点是\(theirs ? "生产" : "演示或培训")节点,两者不交换数据"
    }
  }
}
