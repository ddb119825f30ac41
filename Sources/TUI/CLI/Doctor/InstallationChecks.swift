import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// The install layout (`./install`): the binary setgid to the data directory's group, the data
/// directory root-owned, group-shared and closed to others.
enum InstallationChecks {
  static var all: [DoctorCheck] { [binary, dataDirectory] }

  static let binary = DoctorCheck("程序") { c in
    guard let exe = c.executable, let st = c.status(exe) else {
      return .fail("找不到程序文件", fix: "用 ./install 安装")
    }
    guard let dir = c.dataDirectory, let dst = c.status(dir) else {
      return .fail("\(exe) 不是安装版本(没有 share/zwfw/data-dir)", fix: "以 root 在源码目录运行 ./install")
    }
    let group = DoctorCheck.groupName(dst.st_gid)
    guard st.st_mode & S_ISGID != 0, st.st_gid == dst.st_gid, st.st_uid == 0 else {
      return .fail(
        "\(exe) 应属 root、组 \(group) 并设置 setgid(现为 \(DoctorCheck.groupName(st.st_gid)),权限 \(DoctorCheck.octal(st.st_mode)))",
        fix: "chown root:\(group) \(exe) && chmod 2755 \(exe)(或重新运行 ./install)")
    }
    return .pass("\(exe) setgid \(group)")
  }

  static let dataDirectory = DoctorCheck("数据目录") { c in
    guard let dir = c.dataDirectory else {
      return .fail("未安装,不知道数据目录", fix: "以 root 在源码目录运行 ./install")
    }
    guard let st = c.status(dir) else {
      return .fail("\(dir) 不存在", fix: "重新运行 ./install --data-dir \(dir)")
    }
    let group = DoctorCheck.groupName(st.st_gid)
    guard st.st_uid == 0, st.st_mode & 0o7777 == 0o2770, st.st_gid != 0 else {
      return .fail(
        "\(dir) 应属 root、组 zwfw,权限 2770(现为 \(DoctorCheck.octal(st.st_mode)),组 \(group))",
        fix: "chown root:zwfw \(dir) && chmod 2770 \(dir)")
    }
    return .pass("\(dir) root:\(group) 2770")
  }
}
