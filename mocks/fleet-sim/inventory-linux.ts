/**
 * What `rpm -qa` / `dpkg-query -W` (+ `snap list`) report on the simulated Linux platforms,
 * as the SSM Agent's application gatherer turns them into AWS:Application rows. Real package
 * names per distribution; the packages that matter for security (openssl, openssh, curl,
 * glibc, the kernel, systemd, Java, log4j, nginx, docker, postgresql, ...) have several real
 * versions in the platform's own format with believable shares. Other packages get one
 * (sometimes two) versions synthesized deterministically in the platform's format.
 *
 * Name lists: `name@` is noarch (RPM) / Architecture all (dpkg). Binary packages of one source
 * share its version (see GROUPS).
 */
import { hashSeed } from './prng';
import type { PackageSpec, ProfileSpec, SourceSpec, VersionSpec } from './inventory-types';

/** "epoch:version-release" -> a VersionSpec. */
function rpm(evr: string, w = 1, outdated = false, k?: string): VersionSpec {
  const colon = evr.indexOf(':');
  const e = colon > 0 ? evr.slice(0, colon) : undefined;
  const vr = colon > 0 ? evr.slice(colon + 1) : evr;
  const dash = vr.lastIndexOf('-');
  return { v: vr.slice(0, dash), r: vr.slice(dash + 1), e, w, outdated: outdated || undefined, k };
}

const deb = (v: string, w = 1, outdated = false, k?: string): VersionSpec => ({ v, w, outdated: outdated || undefined, k });

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** source: binary binary ... (one line per source). */
function groups(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([^:\s]+):(.*)$/.exec(line);
    if (m) for (const b of words(m[2])) out.set(b.replace(/@$/, ''), m[1]);
  }
  return out;
}

const RPM_GROUPS = groups(`
  glibc: glibc glibc-common glibc-gconv-extra glibc-all-langpacks glibc-locale-source glibc-minimal-langpack glibc-langpack-en glibc-devel glibc-headers
  openssl: openssl openssl-libs
  openssh: openssh openssh-server openssh-clients
  curl: curl curl-minimal libcurl libcurl-minimal
  systemd: systemd systemd-libs systemd-pam systemd-udev systemd-networkd systemd-resolved systemd-rpm-macros
  util-linux: util-linux util-linux-core libblkid libmount libuuid libsmartcols libfdisk
  e2fsprogs: e2fsprogs e2fsprogs-libs libcom_err libss
  python3.9: python3 python3-libs
  krb5: krb5-libs
  vim: vim-common vim-data vim-enhanced vim-filesystem vim-minimal xxd
  rpm: rpm rpm-libs rpm-build-libs rpm-sign-libs rpm-plugin-selinux rpm-plugin-systemd-inhibit rpm-plugin-audit python3-rpm
  dnf: dnf dnf-data python3-dnf yum
  dnf-plugins-core: dnf-plugins-core python3-dnf-plugins-core dnf-utils yum-utils
  libdnf: libdnf python3-libdnf python3-hawkey
  elfutils: elfutils-libelf elfutils-libs elfutils-default-yama-scope elfutils-debuginfod-client
  kernel: kernel kernel-core kernel-modules kernel-modules-core kernel-tools kernel-tools-libs
  audit: audit audit-libs python3-audit
  selinux-policy: selinux-policy selinux-policy-targeted
  libselinux: libselinux libselinux-utils python3-libselinux
  libsemanage: libsemanage python3-libsemanage
  policycoreutils: policycoreutils python3-policycoreutils policycoreutils-python-utils
  dbus: dbus dbus-common dbus-libs dbus-tools
  lvm2: device-mapper device-mapper-libs
  iptables: iptables-libs iptables-nft
  sssd: sssd-client sssd-common sssd-kcm sssd-nfs-idmap libsss_certmap libsss_idmap libsss_nss_idmap libsss_sudo
  cronie: cronie cronie-anacron
  grub2: grub2-common grub2-efi-x64-ec2 grub2-efi-x64 grub2-pc grub2-pc-modules grub2-tools grub2-tools-minimal
  gcc: libgcc libstdc++ libgomp gcc cpp
  nss: nss nss-softokn nss-softokn-freebl nss-sysinit nss-util
  cyrus-sasl: cyrus-sasl-lib cyrus-sasl-plain
  cracklib: cracklib cracklib-dicts
  file: file file-libs
  gettext: gettext gettext-libs libtextstyle
  pciutils: pciutils pciutils-libs
  kbd: kbd kbd-misc
  kmod: kmod kmod-libs
  keyutils: keyutils keyutils-libs
  ncurses: ncurses ncurses-base ncurses-libs
  pcre2: pcre2 pcre2-syntax
  p11-kit: p11-kit p11-kit-trust
  bind: bind-libs bind-license bind-utils
  coreutils: coreutils coreutils-common
  cloud-init: cloud-init cloud-init-cfg-ec2
  crypto-policies: crypto-policies crypto-policies-scripts
  pkgconf: pkgconf pkgconf-m4 pkgconf-pkg-config libpkgconf
  libkcapi: libkcapi libkcapi-hmaccalc
  libverto: libverto libverto-libev
  hunspell: hunspell hunspell-filesystem
  hunspell-en: hunspell-en hunspell-en-GB hunspell-en-US
  quota: quota quota-nls
  authselect: authselect authselect-libs
  libcomps: libcomps python3-libcomps
  gpgme: gpgme python3-gpg
  setools: python3-setools
  boost: boost-filesystem boost-system boost-thread
  ec2-instance-connect: ec2-instance-connect ec2-instance-connect-selinux
  amazon-linux-repo: amazon-linux-repo-cdn amazon-linux-repo-s3
  dracut: dracut dracut-config-ec2 dracut-config-generic
  subscription-manager: subscription-manager python3-subscription-manager-rhsm dnf-plugin-subscription-manager libdnf-plugin-subscription-manager
  NetworkManager: NetworkManager NetworkManager-libnm NetworkManager-team NetworkManager-tui
  firewalld: firewalld firewalld-filesystem python3-firewall
  dhcp: dhcp-client dhcp-common
  httpd: httpd httpd-core httpd-filesystem httpd-tools
  nginx: nginx nginx-core nginx-filesystem
  postgresql15: postgresql15 postgresql15-server postgresql15-private-libs
  postgresql: postgresql postgresql-server postgresql-private-libs
  rsyslog: rsyslog rsyslog-logrotate
  git: git git-core git-core-doc
  polkit: polkit polkit-libs
  nftables: nftables python3-nftables
  teamd: teamd libteam
  apr-util: apr-util apr-util-bdb apr-util-openssl
  java-17-amazon-corretto: java-17-amazon-corretto-headless
  java-17-openjdk: java-17-openjdk-headless
  docker-ce: docker-ce docker-ce-rootless-extras
  shim: shim-x64
  python-ruamel-yaml: python3-ruamel-yaml
  python-ruamel-yaml-clib: python3-ruamel-yaml-clib
`);

const DEB_GROUPS = groups(`
  glibc: libc6 libc-bin locales
  openssl: openssl libssl3 libssl3t64
  openssh: openssh-client openssh-server openssh-sftp-server
  curl: curl libcurl4 libcurl4t64 libcurl3-gnutls libcurl3t64-gnutls
  systemd: systemd systemd-sysv systemd-timesyncd systemd-resolved systemd-dev libsystemd0 libsystemd-shared libudev1 udev libpam-systemd libnss-systemd
  util-linux: util-linux libblkid1 libmount1 libuuid1 libsmartcols1 libfdisk1 mount fdisk uuid-runtime bsdutils bsdextrautils
  e2fsprogs: e2fsprogs libext2fs2 libext2fs2t64 libss2 libcom-err2 logsave
  python3-defaults: python3 python3-minimal libpython3-stdlib
  python3.10: python3.10 python3.10-minimal libpython3.10 libpython3.10-minimal libpython3.10-stdlib
  python3.12: python3.12 python3.12-minimal libpython3.12t64 libpython3.12-minimal libpython3.12-stdlib
  perl: perl perl-base perl-modules-5.34 perl-modules-5.38 libperl5.34 libperl5.38t64
  vim: vim vim-common vim-runtime vim-tiny xxd
  krb5: libgssapi-krb5-2 libk5crypto3 libkrb5-3 libkrb5support0
  gnupg2: gnupg gnupg-l10n gnupg-utils gpg gpg-agent gpg-wks-client gpg-wks-server gpgconf gpgsm dirmngr gpgv keyboxd
  apt: apt apt-utils libapt-pkg6.0 libapt-pkg6.0t64
  pam: libpam-modules libpam-modules-bin libpam-runtime libpam0g
  ncurses: ncurses-base ncurses-bin ncurses-term libncurses6 libncursesw6 libtinfo6
  glib2.0: libglib2.0-0 libglib2.0-0t64 libglib2.0-bin libglib2.0-data
  git: git git-man
  bind9: bind9-dnsutils bind9-host bind9-libs
  lvm2: lvm2 dmsetup dmeventd libdevmapper1.02.1 libdevmapper-event1.02.1 liblvm2cmd2.03
  grub2: grub-common grub-pc grub-pc-bin grub2-common grub-efi-amd64-bin
  cryptsetup: cryptsetup cryptsetup-bin cryptsetup-initramfs libcryptsetup12
  initramfs-tools: initramfs-tools initramfs-tools-bin initramfs-tools-core
  console-setup: console-setup console-setup-linux keyboard-configuration
  iputils: iputils-ping iputils-tracepath
  isc-dhcp: isc-dhcp-client isc-dhcp-common
  dbus: dbus dbus-user-session dbus-bin dbus-daemon dbus-session-bus-common dbus-system-bus-common libdbus-1-3
  cyrus-sasl2: libsasl2-2 libsasl2-modules libsasl2-modules-db
  procps: procps libprocps8 libproc2-0
  shadow: login passwd
  policykit-1: polkitd libpolkit-agent-1-0 libpolkit-gobject-1-0
  packagekit: packagekit packagekit-tools libpackagekit-glib2-18 gir1.2-packagekitglib-1.0
  python-apt: python3-apt python-apt-common
  apport: apport python3-apport python3-problem-report apport-core-dump-handler
  ubuntu-meta: ubuntu-minimal ubuntu-server ubuntu-standard
  update-manager: python3-update-manager update-manager-core
  ubuntu-release-upgrader: ubuntu-release-upgrader-core python3-distupgrade
  fwupd: fwupd libfwupd2 libfwupdplugin5
  udisks2: udisks2 libudisks2-0
  xz-utils: xz-utils liblzma5
  bzip2: bzip2 libbz2-1.0
  libzstd: zstd libzstd1
  lz4: lz4 liblz4-1
  libcap2: libcap2 libcap2-bin libpam-cap
  audit: libaudit1 libaudit-common
  gcc-12: gcc-12-base libgcc-s1 libstdc++6
  gcc-14: gcc-14-base
  nettle: libnettle8 libnettle8t64 libhogweed6 libhogweed6t64
  nginx: nginx nginx-common nginx-core
  postgresql-14: postgresql-14 postgresql-client-14 libpq5
  postgresql-16: postgresql-16 postgresql-client-16
  postgresql-common: postgresql-common postgresql-client-common
  redis: redis-server redis-tools
  openjdk-17: openjdk-17-jre-headless
  apache-log4j2: liblog4j2-java
  tpm2-tss: libtss2-esys-3.0.2-0 libtss2-mu0 libtss2-sys1 libtss2-tcti-cmd0 libtss2-tcti-device0 libtss2-tcti-mssim0 libtss2-tcti-swtpm0
  libxml2: libxml2
  sqlite3: libsqlite3-0
  expat: libexpat1
  zlib: zlib1g
  libgcrypt20: libgcrypt20
  gnutls28: libgnutls30 libgnutls30t64
  openldap: libldap-2.5-0 libldap2 libldap-common
  tar: tar
  sudo: sudo
  bash: bash
  coreutils: coreutils
  dpkg: dpkg
  tzdata: tzdata
  ca-certificates: ca-certificates
  cloud-init: cloud-init
  snapd: snapd
  rsyslog: rsyslog
  docker.io: docker.io
  containerd: containerd
  runc: runc
  libnghttp2: libnghttp2-14
  libssh: libssh-4
  libblockdev: libblockdev-crypto2 libblockdev-fs2 libblockdev-loop2 libblockdev-part-err2 libblockdev-part2 libblockdev-swap2 libblockdev-utils2 libblockdev2
  ntfs-3g: ntfs-3g libntfs-3g89 libntfs-3g89t64
  sg3-utils: sg3-utils sg3-utils-udev libsgutils2-2 libsgutils2-1.46-2
  libtirpc: libtirpc-common libtirpc3 libtirpc3t64
  libxau: libxau6
  libxcb: libxcb1
  libxdmcp: libxdmcp6
  libxext: libxext6
  libxmu: libxmuu1
  libxslt: libxslt1.1
  libusb-1.0: libusb-1.0-0
  libmbim: libmbim-glib4 libmbim-proxy libmbim-utils
  libqmi: libqmi-glib5 libqmi-proxy libqmi-utils
  modemmanager: modemmanager libmm-glib0
  libjson-glib: libjson-glib-1.0-0 libjson-glib-1.0-common
  gobject-introspection: gir1.2-glib-2.0 libgirepository-1.0-1
  netplan.io: netplan.io libnetplan0 libnetplan1 python3-netplan netplan-generator
  iptables: iptables libip4tc2 libip6tc2 libxtables12
  nftables: nftables libnftables1
  libnftnl: libnftnl11
  libpcap: libpcap0.8 libpcap0.8t64
  libpng1.6: libpng16-16 libpng16-16t64
  libaio: libaio1 libaio1t64
  db5.3: libdb5.3 libdb5.3t64
  elfutils: libelf1 libelf1t64
  readline: libreadline8 libreadline8t64 readline-common
  parted: parted libparted2 libparted2t64 libparted-fs-resize0 libparted-fs-resize0t64
  icu: libicu70 libicu74
  newt: libnewt0.52 whiptail python3-newt
  open-iscsi: open-iscsi
  ubuntu-pro-client: ubuntu-pro-client ubuntu-advantage-tools ubuntu-pro-client-l10n
  landscape-client: landscape-common
  redis-deps: libjemalloc2
`);

/** Known versions per source; several entries = several versions in the fleet. */
type Known = Record<string, SourceSpec>;

const AL2023_KNOWN: Known = {
  openssl: { versions: [rpm('1:3.0.8-1.amzn2023.0.14', 20, true), rpm('1:3.0.8-1.amzn2023.0.16', 35, true), rpm('1:3.2.2-1.amzn2023.0.1', 45)] },
  openssh: { versions: [rpm('8.7p1-8.amzn2023.0.4', 15, true), rpm('8.7p1-8.amzn2023.0.10', 30, true), rpm('8.7p1-8.amzn2023.0.11', 55)] },
  curl: { versions: [rpm('8.3.0-1.amzn2023.0.2', 12, true), rpm('8.5.0-1.amzn2023.0.4', 38, true), rpm('8.11.1-4.amzn2023.0.1', 50)] },
  glibc: { versions: [rpm('2.34-52.amzn2023.0.8', 15, true), rpm('2.34-52.amzn2023.0.11', 35, true), rpm('2.34-117.amzn2023.0.1', 50)] },
  kernel: {
    kernel: true,
    versions: [
      rpm('6.1.94-99.176.amzn2023', 1, true, '6.1.94-99.176.amzn2023'),
      rpm('6.1.97-104.177.amzn2023', 1, true, '6.1.97-104.177.amzn2023'),
      rpm('6.1.102-111.182.amzn2023', 1, false, '6.1.102-111.182.amzn2023'),
    ],
  },
  systemd: { versions: [rpm('252.16-1.amzn2023.0.2', 30, true), rpm('252.23-2.amzn2023', 70)] },
  sudo: { versions: [rpm('1.9.13-1.p2.amzn2023.0.1', 25, true), rpm('1.9.15-1.p5.amzn2023.0.1', 75)] },
  'python3.9': { versions: [rpm('3.9.16-1.amzn2023.0.9', 35, true), rpm('3.9.16-1.amzn2023.0.12', 65)] },
  'java-17-amazon-corretto': { versions: [rpm('1:17.0.10+7-1.amzn2023.1', 30, true), rpm('1:17.0.12+7-1.amzn2023.1', 70)] },
  nginx: { versions: [rpm('1:1.24.0-1.amzn2023.0.2', 40, true), rpm('1:1.24.0-1.amzn2023.0.4', 60)] },
  docker: { versions: [rpm('25.0.3-1.amzn2023.0.1', 35, true), rpm('25.0.6-1.amzn2023.0.2', 65)] },
  containerd: { versions: [rpm('1.7.11-1.amzn2023.0.1', 35, true), rpm('1.7.20-1.amzn2023.0.1', 65)] },
  runc: { versions: [rpm('1.1.11-1.amzn2023.0.1', 35, true), rpm('1.1.13-1.amzn2023.0.1', 65)] },
  postgresql15: { versions: [rpm('15.6-1.amzn2023.0.1', 40, true), rpm('15.8-1.amzn2023.0.1', 60)] },
  redis6: { versions: [rpm('6.2.14-1.amzn2023.0.1')] },
  'awscli-2': { versions: [rpm('2.15.30-1.amzn2023.0.1', 40), rpm('2.17.18-1.amzn2023.0.1', 60)] },
  bind: { versions: [rpm('32:9.16.48-1.amzn2023.0.1')] },
  vim: { versions: [rpm('2:9.0.2153-1.amzn2023.0.2', 40, true), rpm('2:9.0.2167-1.amzn2023.0.1', 60)] },
  krb5: { versions: [rpm('1.21-3.amzn2023.0.4', 35, true), rpm('1.21.3-1.amzn2023.0.1', 65)] },
  libxml2: { versions: [rpm('2.10.4-1.amzn2023.0.5', 40, true), rpm('2.10.4-1.amzn2023.0.6', 60)] },
  expat: { versions: [rpm('2.5.0-1.amzn2023.0.4')] },
  sqlite: { versions: [rpm('3.40.0-1.amzn2023.0.4')] },
  zlib: { versions: [rpm('1.2.11-33.amzn2023.0.5')] },
  xz: { versions: [rpm('5.2.5-9.amzn2023.0.2')] },
  bash: { versions: [rpm('5.2.15-1.amzn2023.0.2')] },
  coreutils: { versions: [rpm('8.32-30.amzn2023.0.3')] },
  'util-linux': { versions: [rpm('2.37.4-1.amzn2023.0.4')] },
  rpm: { versions: [rpm('4.16.1.3-29.amzn2023.0.6')] },
  dnf: { versions: [rpm('4.14.0-1.amzn2023.0.5')] },
  tar: { versions: [rpm('2:1.34-1.amzn2023.0.4')] },
  less: { versions: [rpm('608-2.amzn2023.0.2')] },
  'cloud-init': { versions: [rpm('22.2.2-1.amzn2023.1.14')] },
  chrony: { versions: [rpm('4.3-1.amzn2023.0.4')] },
  nss: { versions: [rpm('3.90.0-3.amzn2023.0.4')] },
  e2fsprogs: { versions: [rpm('1.46.5-2.amzn2023.0.2')] },
  pam: { versions: [rpm('1.5.1-8.amzn2023.0.3')] },
  audit: { versions: [rpm('3.0.6-1.amzn2023.0.2')] },
  'shadow-utils': { versions: [rpm('2:4.9-12.amzn2023.0.4')] },
  openldap: { versions: [rpm('2.4.57-6.amzn2023.0.6')] },
  libssh: { versions: [rpm('0.10.6-1.amzn2023.0.1')] },
  pcre2: { versions: [rpm('10.40-1.amzn2023.0.3')] },
  grub2: { versions: [rpm('1:2.06-61.amzn2023')] },
  tzdata: { versions: [rpm('2024a-1.amzn2023.0.1')] },
  'ca-certificates': { versions: [rpm('2023.2.68-1.0.amzn2023.0.1')] },
  'ec2-utils': { versions: [rpm('2.2.0-1.amzn2023.0.1')] },
  'ec2-instance-connect': { versions: [rpm('1.1-19.amzn2023')] },
  'amazon-ec2-net-utils': { versions: [rpm('2.5.1-1.amzn2023.0.1')] },
  'system-release': { versions: [rpm('2023.5.20240916-0.amzn2023', 55), rpm('2023.6.20241111-0.amzn2023', 45)] },
  'selinux-policy': { versions: [rpm('37.22-1.amzn2023.0.3')] },
  gcc: { versions: [rpm('11.4.1-2.amzn2023.0.2')] },
  binutils: { versions: [rpm('2.39-6.amzn2023.0.10')] },
  git: { versions: [rpm('2.40.1-1.amzn2023.0.3')] },
  rsyslog: { versions: [rpm('8.2204.0-3.amzn2023.0.4')] },
  wget: { versions: [rpm('1.21.3-1.amzn2023.0.4')] },
  jq: { versions: [rpm('1.7.1-1.amzn2023.0.1')] },
  htop: { versions: [rpm('3.2.1-1.amzn2023.0.2')] },
  tmux: { versions: [rpm('3.2a-3.amzn2023.0.2')] },
  'aws-cfn-bootstrap': { versions: [rpm('2.0-29.amzn2023', 40), rpm('2.0-31.amzn2023', 60)] },
  'amazon-ssm-agent': { agent: true, versions: [rpm('0-1.amzn2023')] },
};

const RHEL_BY_MINOR = { '9.2': [70, 25, 5], '9.4': [15, 60, 25], '9.5': [0, 15, 85] } as const;
const RHEL_BY_MINOR2 = { '9.2': [85, 15], '9.4': [55, 45], '9.5': [10, 90] } as const;

const RHEL9_KNOWN: Known = {
  openssl: { versions: [rpm('1:3.0.7-25.el9_3', 1, true), rpm('1:3.0.7-27.el9', 1, true), rpm('1:3.2.2-6.el9_5', 1)], byPlatformVersion: RHEL_BY_MINOR },
  openssh: { versions: [rpm('8.7p1-34.el9', 1, true), rpm('8.7p1-38.el9_4.1', 1, true), rpm('8.7p1-43.el9', 1)], byPlatformVersion: RHEL_BY_MINOR },
  curl: { versions: [rpm('7.76.1-26.el9_3.2', 1, true), rpm('7.76.1-29.el9_4.1', 1, true), rpm('7.76.1-31.el9', 1)], byPlatformVersion: RHEL_BY_MINOR },
  glibc: { versions: [rpm('2.34-83.el9_3.7', 1, true), rpm('2.34-100.el9_4.2', 1, true), rpm('2.34-125.el9_5.1', 1)], byPlatformVersion: RHEL_BY_MINOR },
  systemd: { versions: [rpm('252-18.el9', 1, true), rpm('252-32.el9_4.7', 1, true), rpm('252-46.el9_5.2', 1)], byPlatformVersion: RHEL_BY_MINOR },
  kernel: {
    kernel: true,
    versions: [
      rpm('5.14.0-427.24.1.el9_4', 1, true, '5.14.0-427.24.1.el9_4'),
      rpm('5.14.0-427.28.1.el9_4', 1, true, '5.14.0-427.28.1.el9_4'),
      rpm('5.14.0-503.11.1.el9_5', 1, false, '5.14.0-503.11.1.el9_5'),
    ],
  },
  'redhat-release': { versions: [rpm('9.2-0.13.el9'), rpm('9.4-0.5.el9'), rpm('9.5-0.6.el9')], byPlatformVersion: { '9.2': [1, 0, 0], '9.4': [0, 1, 0], '9.5': [0, 0, 1] } },
  'python3.9': { versions: [rpm('3.9.18-3.el9_4.5', 1, true), rpm('3.9.19-8.el9_5.1')], byPlatformVersion: RHEL_BY_MINOR2 },
  sudo: { versions: [rpm('1.9.5p2-9.el9', 30, true), rpm('1.9.5p2-10.el9_3', 70)] },
  'java-17-openjdk': { versions: [rpm('1:17.0.11.0.9-2.el9', 35, true), rpm('1:17.0.12.0.7-2.el9', 65)] },
  httpd: { versions: [rpm('2.4.57-8.el9', 40, true), rpm('2.4.62-1.el9', 60)] },
  nginx: { versions: [rpm('1:1.20.1-14.el9_2.1', 40, true), rpm('1:1.20.1-16.el9_4.1', 60)] },
  'docker-ce': { versions: [rpm('3:26.1.4-1.el9', 40, true), rpm('3:27.3.1-1.el9', 60)] },
  'docker-ce-cli': { versions: [rpm('1:26.1.4-1.el9', 40, true), rpm('1:27.3.1-1.el9', 60)] },
  'containerd.io': { versions: [rpm('1.7.19-3.1.el9', 40, true), rpm('1.7.22-3.1.el9', 60)] },
  postgresql: { versions: [rpm('13.14-1.el9_3', 40, true), rpm('13.16-1.el9_4', 60)] },
  redis: { versions: [rpm('6.2.7-1.el9')] },
  bash: { versions: [rpm('5.1.8-9.el9')] },
  coreutils: { versions: [rpm('8.32-35.el9')] },
  'util-linux': { versions: [rpm('2.37.4-18.el9'), rpm('2.37.4-20.el9')], byPlatformVersion: RHEL_BY_MINOR2 },
  rpm: { versions: [rpm('4.16.1.3-29.el9'), rpm('4.16.1.3-34.el9')], byPlatformVersion: RHEL_BY_MINOR2 },
  dnf: { versions: [rpm('4.14.0-9.el9'), rpm('4.14.0-17.el9')], byPlatformVersion: RHEL_BY_MINOR2 },
  krb5: { versions: [rpm('1.21.1-2.el9_4', 1, true), rpm('1.21.1-4.el9_5')], byPlatformVersion: RHEL_BY_MINOR2 },
  vim: { versions: [rpm('2:8.2.2637-20.el9_1', 40, true), rpm('2:8.2.2637-21.el9', 60)] },
  NetworkManager: { versions: [rpm('1:1.46.0-13.el9_4'), rpm('1:1.48.10-2.el9_5')], byPlatformVersion: RHEL_BY_MINOR2 },
  firewalld: { versions: [rpm('1.3.4-1.el9'), rpm('1.3.4-7.el9')], byPlatformVersion: RHEL_BY_MINOR2 },
  'subscription-manager': { versions: [rpm('1.29.40-1.el9'), rpm('1.29.42-1.el9')], byPlatformVersion: RHEL_BY_MINOR2 },
  'cloud-init': { versions: [rpm('23.4-7.el9_4'), rpm('23.4-19.el9')], byPlatformVersion: RHEL_BY_MINOR2 },
  'rh-amazon-rhui-client': { versions: [rpm('4.0.16-1.el9')] },
  'insights-client': { versions: [rpm('0:3.2.2-2.el9')] },
  tar: { versions: [rpm('2:1.34-6.el9_4.1')] },
  'shadow-utils': { versions: [rpm('2:4.9-9.el9')] },
  bind: { versions: [rpm('32:9.16.23-18.el9_4.6')] },
  tzdata: { versions: [rpm('2024a-1.el9')] },
  'ca-certificates': { versions: [rpm('2024.2.69_v8.0.303-91.4.el9_4')] },
  libxml2: { versions: [rpm('2.9.13-6.el9_4')] },
  expat: { versions: [rpm('2.5.0-2.el9_4.1')] },
  sqlite: { versions: [rpm('3.34.1-7.el9_3')] },
  zlib: { versions: [rpm('1.2.11-40.el9')] },
  xz: { versions: [rpm('5.2.5-8.el9_0')] },
  grub2: { versions: [rpm('1:2.06-77.el9')] },
  'selinux-policy': { versions: [rpm('38.1.35-2.el9_4.2')] },
  gcc: { versions: [rpm('11.4.1-3.el9')] },
  rsyslog: { versions: [rpm('8.2310.0-4.el9')] },
  chrony: { versions: [rpm('4.5-1.el9')] },
  pam: { versions: [rpm('1.5.1-19.el9')] },
  audit: { versions: [rpm('3.1.2-2.el9')] },
  e2fsprogs: { versions: [rpm('1.46.5-5.el9')] },
  nss: { versions: [rpm('3.101.0-7.el9_2')] },
  less: { versions: [rpm('590-4.el9_4')] },
  sos: { versions: [rpm('4.7.2-3.el9')] },
  tuned: { versions: [rpm('2.24.0-1.el9')] },
  git: { versions: [rpm('2.43.5-1.el9_4')] },
  'amazon-ssm-agent': { agent: true, versions: [rpm('0-1')] },
};

const JAMMY_KNOWN: Known = {
  openssl: { versions: [deb('3.0.2-0ubuntu1.10', 20, true), deb('3.0.2-0ubuntu1.15', 35, true), deb('3.0.2-0ubuntu1.18', 45)] },
  openssh: { versions: [deb('1:8.9p1-3ubuntu0.4', 12, true), deb('1:8.9p1-3ubuntu0.6', 28, true), deb('1:8.9p1-3ubuntu0.10', 60)] },
  curl: { versions: [deb('7.81.0-1ubuntu1.13', 15, true), deb('7.81.0-1ubuntu1.16', 35, true), deb('7.81.0-1ubuntu1.20', 50)] },
  glibc: { versions: [deb('2.35-0ubuntu3.4', 15, true), deb('2.35-0ubuntu3.6', 30, true), deb('2.35-0ubuntu3.8', 55)] },
  linux: {
    kernel: true,
    versions: [
      deb('5.15.0-1066.72', 1, true, '5.15.0-1066-aws'),
      deb('6.5.0-1022.22~22.04.1', 1, true, '6.5.0-1022-aws'),
      deb('6.8.0-1015.16~22.04.1', 1, false, '6.8.0-1015-aws'),
    ],
  },
  systemd: { versions: [deb('249.11-0ubuntu3.9', 30, true), deb('249.11-0ubuntu3.12', 70)] },
  sudo: { versions: [deb('1.9.9-1ubuntu2.4')] },
  'python3-defaults': { versions: [deb('3.10.6-1~22.04.1')] },
  'python3.10': { versions: [deb('3.10.12-1~22.04.3', 35, true), deb('3.10.12-1~22.04.5', 65)] },
  vim: { versions: [deb('2:8.2.3995-1ubuntu2.15', 35, true), deb('2:8.2.3995-1ubuntu2.17', 65)] },
  git: { versions: [deb('1:2.34.1-1ubuntu1.11')] },
  krb5: { versions: [deb('1.19.2-2ubuntu0.3', 40, true), deb('1.19.2-2ubuntu0.4', 60)] },
  libxml2: { versions: [deb('2.9.13+dfsg-1ubuntu0.4')] },
  tar: { versions: [deb('1.34+dfsg-1ubuntu0.1.22.04.2')] },
  apt: { versions: [deb('2.4.12', 30), deb('2.4.13', 70)] },
  dpkg: { versions: [deb('1.21.1ubuntu2.3')] },
  perl: { versions: [deb('5.34.0-3ubuntu1.3')] },
  zlib: { versions: [deb('1:1.2.11.dfsg-2ubuntu9.2')] },
  tzdata: { versions: [deb('2024a-0ubuntu0.22.04.1')] },
  'ca-certificates': { versions: [deb('20230311ubuntu0.22.04.1')] },
  'cloud-init': { versions: [deb('24.1.3-0ubuntu1~22.04.5')] },
  snapd: { versions: [deb('2.63+22.04ubuntu0.1')] },
  bash: { versions: [deb('5.1-6ubuntu1.1')] },
  coreutils: { versions: [deb('8.32-4.1ubuntu1.2')] },
  'util-linux': { versions: [deb('2.37.2-4ubuntu3.4')] },
  e2fsprogs: { versions: [deb('1.46.5-2ubuntu1.1')] },
  gnupg2: { versions: [deb('2.2.27-3ubuntu2.1')] },
  rsyslog: { versions: [deb('8.2112.0-2ubuntu2.2')] },
  libnghttp2: { versions: [deb('1.43.0-1ubuntu0.1', 40, true), deb('1.43.0-1ubuntu0.2', 60)] },
  nginx: { versions: [deb('1.18.0-6ubuntu14.4', 40, true), deb('1.18.0-6ubuntu14.5', 60)] },
  'docker.io': { versions: [deb('24.0.7-0ubuntu2~22.04.1', 35, true), deb('26.1.3-0ubuntu1~22.04.1', 65)] },
  containerd: { versions: [deb('1.7.12-0ubuntu2~22.04.1')] },
  runc: { versions: [deb('1.1.12-0ubuntu2~22.04.1')] },
  'postgresql-14': { versions: [deb('14.12-0ubuntu0.22.04.1', 40, true), deb('14.13-0ubuntu0.22.04.1', 60)] },
  'postgresql-common': { versions: [deb('238')] },
  redis: { versions: [deb('5:6.0.16-1ubuntu1')] },
  'openjdk-17': { versions: [deb('17.0.11+9-1~22.04.1', 35, true), deb('17.0.12+7-1ubuntu2~22.04', 65)] },
  'apache-log4j2': { versions: [deb('2.17.1-1')] },
  prometheus: { versions: [deb('2.31.2+ds1-1ubuntu1.22.04.2')] },
  awscli: { versions: [deb('1.22.34-1')] },
  'ubuntu-pro-client': { versions: [deb('33.2~22.04', 40), deb('34~22.04', 60)] },
};

const NOBLE_KNOWN: Known = {
  openssl: { versions: [deb('3.0.13-0ubuntu3.1', 40, true), deb('3.0.13-0ubuntu3.4', 60)] },
  openssh: { versions: [deb('1:9.6p1-3ubuntu13', 15, true), deb('1:9.6p1-3ubuntu13.4', 25, true), deb('1:9.6p1-3ubuntu13.5', 60)] },
  curl: { versions: [deb('8.5.0-2ubuntu10.1', 20, true), deb('8.5.0-2ubuntu10.4', 30, true), deb('8.5.0-2ubuntu10.6', 50)] },
  glibc: { versions: [deb('2.39-0ubuntu8.1', 25, true), deb('2.39-0ubuntu8.3', 75)] },
  linux: { kernel: true, versions: [deb('6.8.0-1012.13', 1, true, '6.8.0-1012-aws'), deb('6.8.0-1016.17', 1, false, '6.8.0-1016-aws')] },
  systemd: { versions: [deb('255.4-1ubuntu8.1', 35, true), deb('255.4-1ubuntu8.4', 65)] },
  sudo: { versions: [deb('1.9.15p5-3ubuntu5')] },
  'python3-defaults': { versions: [deb('3.12.3-0ubuntu2')] },
  'python3.12': { versions: [deb('3.12.3-1ubuntu0.1', 40, true), deb('3.12.3-1ubuntu0.3', 60)] },
  vim: { versions: [deb('2:9.1.0016-1ubuntu7.2')] },
  git: { versions: [deb('1:2.43.0-1ubuntu7.1')] },
  krb5: { versions: [deb('1.20.1-6ubuntu2.1')] },
  libxml2: { versions: [deb('2.9.14+dfsg-1.3ubuntu3')] },
  tar: { versions: [deb('1.35+dfsg-3build1')] },
  apt: { versions: [deb('2.7.14build2')] },
  dpkg: { versions: [deb('1.22.6ubuntu6.1')] },
  perl: { versions: [deb('5.38.2-3.2build2')] },
  zlib: { versions: [deb('1:1.3.dfsg-3.1ubuntu2')] },
  tzdata: { versions: [deb('2024a-3ubuntu1.1')] },
  'ca-certificates': { versions: [deb('20240203')] },
  'cloud-init': { versions: [deb('24.2-0ubuntu1~24.04.2')] },
  snapd: { versions: [deb('2.63.1+24.04')] },
  bash: { versions: [deb('5.2.21-2ubuntu4')] },
  coreutils: { versions: [deb('9.4-3ubuntu6')] },
  'util-linux': { versions: [deb('2.39.3-9ubuntu6.1')] },
  e2fsprogs: { versions: [deb('1.47.0-2.4~exp1ubuntu4.1')] },
  gnupg2: { versions: [deb('2.4.4-2ubuntu17')] },
  rsyslog: { versions: [deb('8.2312.0-3ubuntu9')] },
  nginx: { versions: [deb('1.24.0-2ubuntu7', 40, true), deb('1.24.0-2ubuntu7.1', 60)] },
  'docker.io': { versions: [deb('24.0.7-0ubuntu4.1', 35, true), deb('26.1.3-0ubuntu1~24.04.1', 65)] },
  containerd: { versions: [deb('1.7.12-0ubuntu4.1')] },
  runc: { versions: [deb('1.1.12-0ubuntu3.1')] },
  'postgresql-16': { versions: [deb('16.3-0ubuntu0.24.04.1', 40, true), deb('16.4-0ubuntu0.24.04.2', 60)] },
  'postgresql-common': { versions: [deb('257build1.1')] },
  redis: { versions: [deb('5:7.0.15-1build2')] },
  'openjdk-17': { versions: [deb('17.0.12+7-1ubuntu2~24.04')] },
  'apache-log4j2': { versions: [deb('2.19.0-2')] },
  prometheus: { versions: [deb('2.45.3+ds-2ubuntu0.2')] },
  awscli: { versions: [deb('2.14.6-1')] },
  'ubuntu-pro-client': { versions: [deb('34~24.04')] },
};

/** Shared by every Linux platform: apps' own packages (versions in each platform's format, see below). */
const LOG4J_APPS = ['api', 'worker', 'auth', 'payments', 'etl'] as const;
const JAVA_APPS = ['api', 'worker', 'auth', 'payments', 'etl'] as const;
const log4jRpm = (): SourceSpec => ({ versions: [rpm('2.14.1-1', 8, true), rpm('2.17.1-1', 37, true), rpm('2.23.1-1', 55)] });
const log4jDeb = (): SourceSpec => ({ versions: [deb('2.14.1-1', 8, true), deb('2.17.1-1', 37, true), deb('2.23.1-1', 55)] });
const OPENSEARCH = (f: typeof rpm | typeof deb): SourceSpec => ({ versions: [f === rpm ? rpm('2.13.0-1', 40, true) : deb('2.13.0', 40, true), f === rpm ? rpm('2.17.1-1', 60) : deb('2.17.1', 60)] });
const GRAFANA = (f: typeof rpm | typeof deb): SourceSpec => ({ versions: [f === rpm ? rpm('10.4.2-1', 40, true) : deb('10.4.2', 40, true), f === rpm ? rpm('11.2.2-1', 60) : deb('11.2.2', 60)] });

/* ---------------------------------------------------------------- package lists */

const RPM_COMMON = `
  acl alternatives audit audit-libs authselect authselect-libs basesystem@ bash bind-libs bind-license@ binutils bzip2-libs c-ares
  ca-certificates@ checkpolicy chrony cloud-init@ cloud-utils-growpart@ coreutils coreutils-common cpio cracklib cracklib-dicts cronie
  cronie-anacron crontabs@ crypto-policies@ crypto-policies-scripts@ cryptsetup-libs cyrus-sasl-lib dbus dbus-broker dbus-common@ dbus-libs
  device-mapper device-mapper-libs diffutils dmidecode dnf@ dnf-data@ dnf-plugins-core@ dosfstools dracut e2fsprogs e2fsprogs-libs
  elfutils-debuginfod-client elfutils-default-yama-scope@ elfutils-libelf elfutils-libs ethtool expat file file-libs filesystem findutils
  gawk gdbm-libs gdisk gettext gettext-libs glib2 glibc glibc-common glibc-gconv-extra gmp gnutls gpgme grep groff-base grub2-common@
  grub2-pc grub2-pc-modules@ grub2-tools grub2-tools-minimal grubby gzip hostname hwdata@ inih iproute iptables-libs iptables-nft iputils
  irqbalance jansson json-c kbd kbd-misc@ kernel kernel-tools keyutils keyutils-libs kmod kmod-libs krb5-libs less libacl libaio
  libarchive libargon2 libassuan libattr libblkid libbpf libcap libcap-ng libcbor libcom_err libcomps libdb libdnf libeconf libedit
  libevent libfdisk libffi libfido2 libgcc libgcrypt libgomp libgpg-error libidn2 libkcapi libkcapi-hmaccalc libmnl libmodulemd libmount
  libnftnl libnghttp2 libnl3 libpipeline libpsl libpwquality librepo libreport-filesystem@ libseccomp libselinux libselinux-utils
  libsemanage libsepol libsigsegv libsmartcols libsolv libss libssh libssh-config@ libsss_certmap libsss_idmap libsss_nss_idmap
  libsss_sudo libstdc++ libtasn1 libtirpc libunistring libuser libutempter libuuid libverto libxcrypt libxml2 libyaml libzstd lmdb-libs
  logrotate lua-libs lz4-libs man-db microcode_ctl mpfr ncurses ncurses-base@ ncurses-libs nettle newt npth nspr nss nss-softokn
  nss-softokn-freebl nss-sysinit nss-util numactl-libs openldap openssh openssh-clients openssh-server openssl openssl-libs openssl-pkcs11
  os-prober p11-kit p11-kit-trust pam parted passwd pciutils pciutils-libs pcre2 pcre2-syntax@ policycoreutils popt procps-ng psmisc
  publicsuffix-list-dafsa@ python3 python3-libs python3-pip-wheel@ python3-setuptools-wheel@ python3-dnf@ python3-dnf-plugins-core@
  python3-hawkey python3-libdnf python3-libcomps python3-gpg python3-rpm python3-libselinux python3-libsemanage python3-policycoreutils@
  python3-setools python3-audit python3-dateutil@ python3-six@ python3-idna@ python3-urllib3@ python3-requests@ python3-chardet@
  python3-pysocks@ python3-jinja2@ python3-markupsafe python3-jsonpatch@ python3-jsonpointer@ python3-jsonschema@ python3-pyrsistent
  python3-attrs@ python3-babel@ python3-pytz@ python3-configobj@ python3-netifaces python3-oauthlib@ python3-pyyaml python3-pyserial@
  python3-prettytable@ python3-cffi python3-cryptography python3-pycparser@ python3-ply@ python3-systemd python3-dbus python3-distro@
  qrencode-libs readline rootfiles@ rpm rpm-build-libs rpm-libs rpm-plugin-selinux rpm-plugin-systemd-inhibit rpm-sign-libs rsync sed
  selinux-policy@ selinux-policy-targeted@ setup@ shadow-utils slang sqlite-libs sssd-client sssd-common sssd-kcm sssd-nfs-idmap sudo
  systemd systemd-libs systemd-pam systemd-rpm-macros@ systemd-udev tar tpm2-tss tzdata@ userspace-rcu util-linux util-linux-core
  vim-common vim-data@ vim-enhanced vim-filesystem@ vim-minimal which xfsprogs xxd xz xz-libs yum@ zlib zstd
`;

const AL2023_ONLY = `
  amazon-chrony-config@ amazon-ec2-net-utils@ amazon-linux-repo-cdn@ amazon-linux-repo-s3@ amazon-linux-sb-keys@ amazon-rpm-config@
  awscli-2@ bash-completion@ boost-filesystem boost-system boost-thread cloud-init-cfg-ec2@ curl-minimal dnf-plugin-release-notification@
  dnf-plugin-support-info@ dnf-utils@ dracut-config-ec2@ dracut-config-generic dyninst ec2-hibinit-agent@ ec2-instance-connect@
  ec2-instance-connect-selinux@ ec2-utils@ ed efi-filesystem@ efivar-libs fstrm fuse-libs generic-logos-httpd@ glibc-all-langpacks
  glibc-locale-source gnupg2-minimal grub2-efi-x64-ec2 gssproxy hunspell hunspell-en@ hunspell-en-GB@ hunspell-en-US@ hunspell-filesystem
  jitterentropy kernel-livepatch-repo-cdn@ kernel-modules-extra-common@ kpatch-runtime@ libbasicobjects libcollection libconfig
  libcurl-minimal libdaemon libdhash libibverbs libini_config libldb libmetalink libnfsidmap libpath_utils libpcap libpkgconf
  libref_array libstoragemgmt libsysfs libtalloc libtdb libtevent libtextstyle libuv libverto-libev man-pages@ mdadm nfs-utils pkgconf
  pkgconf-m4@ pkgconf-pkg-config python3-awscrt python3-colorama@ python3-docutils@ python3-jmespath@ python3-prompt-toolkit@
  python3-ruamel-yaml@ python3-ruamel-yaml-clib python3-wcwidth@ quota quota-nls@ rng-tools rpcbind sbsigntools screen sysctl-defaults@
  system-release@ systemd-networkd systemd-resolved systemtap-runtime update-motd@ words@ zram-generator
`;

const RHEL9_ONLY = `
  NetworkManager NetworkManager-libnm NetworkManager-team NetworkManager-tui curl libcurl dhcp-client dhcp-common@
  dnf-plugin-subscription-manager libdnf-plugin-subscription-manager efibootmgr firewalld@ firewalld-filesystem@ python3-firewall@
  nftables python3-nftables insights-client@ kernel-core kernel-modules kernel-modules-core kernel-tools-libs kexec-tools
  python3-subscription-manager-rhsm redhat-release rh-amazon-rhui-client@ shim-x64 mokutil sos@ subscription-manager
  subscription-manager-rhsm-certificates@ teamd libteam tuned@ python3-linux-procfs@ python3-perf python3-pyudev@ python3-inotify@
  python3-gobject-base gobject-introspection polkit polkit-libs polkit-pkla-compat dbus-tools libndp grub2-efi-x64 glibc-langpack-en
  glibc-minimal-langpack langpacks-core-en@ virt-what yum-utils@ rpm-plugin-audit policycoreutils-python-utils@ gnupg2 lvm2 lvm2-libs
  libsss_autofs oddjob oddjob-mkhomedir cockpit-bridge cockpit-system@ cockpit-ws
`;

const JAMMY = `
  adduser@ apparmor apport@ apport-symptoms@ apt apt-utils base-files base-passwd bash bash-completion@ bc bcache-tools bind9-dnsutils
  bind9-host bind9-libs bolt btrfs-progs busybox-initramfs busybox-static byobu@ bzip2 ca-certificates@ cloud-guest-utils@ cloud-init@
  cloud-initramfs-copymods@ cloud-initramfs-dyn-netconf@ command-not-found@ console-setup@ console-setup-linux@ coreutils cpio cron
  cryptsetup cryptsetup-bin cryptsetup-initramfs@ curl dash dbus dbus-user-session debconf@ debconf-i18n@ debianutils diffutils dirmngr
  distro-info distro-info-data@ dmeventd dmidecode dmsetup dosfstools dpkg e2fsprogs ec2-hibinit-agent ec2-instance-connect@ eject
  ethtool fdisk file finalrd@ findutils fonts-ubuntu-console@ friendly-recovery@ ftp@ fuse3 fwupd fwupd-signed gawk gcc-12-base gdisk
  gettext-base gir1.2-glib-2.0 gir1.2-packagekitglib-1.0 gnupg@ gnupg-l10n@ gnupg-utils gpg gpg-agent gpg-wks-client gpg-wks-server
  gpgconf gpgsm gpgv grep groff-base grub-common grub-efi-amd64-bin grub-pc grub-pc-bin grub2-common gzip hdparm hibagent@ hostname
  htop info init init-system-helpers@ initramfs-tools@ initramfs-tools-bin initramfs-tools-core@ install-info iproute2 iptables
  iputils-ping iputils-tracepath irqbalance isc-dhcp-client isc-dhcp-common iso-codes@ kbd keyboard-configuration@ klibc-utils kmod
  kpartx landscape-common less libacl1 libaio1 libapparmor1 libappstream4 libapt-pkg6.0 libarchive13 libargon2-1 libassuan0
  libatasmart4 libatm1 libattr1 libaudit-common@ libaudit1 libblkid1 libblockdev-crypto2 libblockdev-fs2 libblockdev-loop2
  libblockdev-part-err2 libblockdev-part2 libblockdev-swap2 libblockdev-utils2 libblockdev2 libbpf0 libbrotli1 libbsd0 libbz2-1.0
  libc-bin libc6 libcap-ng0 libcap2 libcap2-bin libcbor0.8 libcom-err2 libcrypt1 libcryptsetup12 libcurl3-gnutls libcurl4 libdb5.3
  libdbus-1-3 libdebconfclient0 libdevmapper-event1.02.1 libdevmapper1.02.1 libdrm-common@ libdrm2 libedit2 libefiboot1 libefivar1
  libelf1 liberror-perl@ libestr0 libevent-core-2.1-7 libexpat1 libext2fs2 libfastjson4 libfdisk1 libffi8 libfido2-1 libfribidi0
  libfuse3-3 libfwupd2 libfwupdplugin5 libgcab-1.0-0 libgcc-s1 libgcrypt20 libgdbm-compat4 libgdbm6 libgirepository-1.0-1
  libglib2.0-0 libglib2.0-bin libglib2.0-data@ libgmp10 libgnutls30 libgpg-error0 libgpgme11 libgpm2 libgssapi-krb5-2 libgstreamer1.0-0
  libgudev-1.0-0 libgusb2 libhogweed6 libicu70 libidn2-0 libinih1 libintl-perl@ libintl-xs-perl libip4tc2 libip6tc2 libjcat1
  libjson-c5 libjson-glib-1.0-0 libjson-glib-1.0-common@ libk5crypto3 libkeyutils1 libklibc libkmod2 libkrb5-3 libkrb5support0
  libksba8 libldap-2.5-0 libldap-common@ liblmdb0 liblocale-gettext-perl liblvm2cmd2.03 liblz4-1 liblzma5 liblzo2-2 libmagic-mgc
  libmagic1 libmaxminddb0 libmbim-glib4 libmbim-proxy libmd0 libmm-glib0 libmnl0 libmodule-find-perl@ libmount1 libmpdec3
  libmspack0 libncurses6 libncursesw6 libnetfilter-conntrack3 libnetplan0 libnettle8 libnewt0.52 libnfnetlink0 libnftables1
  libnftnl11 libnghttp2-14 libnpth0 libnsl2 libnspr4 libnss-systemd libnss3 libntfs-3g89 libnuma1 libp11-kit0
  libpackagekit-glib2-18 libpam-cap libpam-modules libpam-modules-bin libpam-runtime@ libpam-systemd libpam0g libparted-fs-resize0
  libparted2 libpcap0.8 libpci3 libpcre2-8-0 libpcre3 libperl5.34 libpipeline1 libplymouth5 libpng16-16 libpolkit-agent-1-0
  libpolkit-gobject-1-0 libpopt0 libprocps8 libproxy1v5 libpsl5 libpython3-stdlib libpython3.10 libpython3.10-minimal
  libpython3.10-stdlib libqmi-glib5 libqmi-proxy libreadline8 librtmp1 libsasl2-2 libsasl2-modules libsasl2-modules-db libseccomp2
  libselinux1 libsemanage-common@ libsemanage2 libsepol2 libsgutils2-2 libsigsegv2 libslang2 libsmartcols1 libsmbios-c2 libsodium23
  libsqlite3-0 libss2 libssh-4 libssl3 libstdc++6 libstemmer0d libsystemd0 libtasn1-6 libtcl8.6 libtext-charwidth-perl
  libtext-iconv-perl libtext-wrapi18n-perl@ libtinfo6 libtirpc-common@ libtirpc3 libtss2-esys-3.0.2-0 libtss2-mu0 libtss2-sys1
  libtss2-tcti-cmd0 libtss2-tcti-device0 libtss2-tcti-mssim0 libtss2-tcti-swtpm0 libuchardet0 libudev1 libudisks2-0 libunistring2
  libunwind8 libupower-glib3 liburcu8 libusb-1.0-0 libuuid1 libuv1 libvolume-key1 libwrap0 libxau6 libxcb1 libxdmcp6 libxext6
  libxml2 libxmlb2 libxmuu1 libxslt1.1 libxtables12 libxxhash0 libyaml-0-2 libzstd1 linux-base@ locales@ login logrotate logsave
  lsb-base@ lsb-release@ lshw lsof lvm2 lz4 man-db manpages@ mawk mdadm media-types@ modemmanager motd-news-config@ mount mtr-tiny
  multipath-tools nano ncurses-base@ ncurses-bin ncurses-term@ needrestart@ netbase@ netcat-openbsd netplan.io networkd-dispatcher@
  nftables ntfs-3g open-iscsi open-vm-tools openssh-client openssh-server openssh-sftp-server openssl os-prober overlayroot@ packagekit
  packagekit-tools parted passwd pastebinit@ patch pci.ids@ pciutils perl perl-base perl-modules-5.34@ pinentry-curses plymouth
  plymouth-theme-ubuntu-text polkitd pollinate@ powermgmt-base@ procps psmisc publicsuffix@ python-apt-common@ python3 python3-apport@
  python3-apt python3-attr@ python3-automat@ python3-babel@ python3-bcrypt python3-blinker@ python3-certifi@ python3-cffi-backend
  python3-chardet@ python3-click@ python3-colorama@ python3-commandnotfound@ python3-configobj@ python3-constantly@
  python3-cryptography python3-dbus python3-debconf@ python3-debian@ python3-distro@ python3-distro-info@ python3-distupgrade@
  python3-gdbm python3-gi python3-hamcrest@ python3-httplib2@ python3-hyperlink@ python3-idna@ python3-importlib-metadata@
  python3-incremental@ python3-jeepney@ python3-jinja2@ python3-json-pointer@ python3-jsonpatch@ python3-jsonschema@ python3-jwt@
  python3-keyring@ python3-launchpadlib@ python3-lazr.restfulclient@ python3-lazr.uri@ python3-markupsafe python3-minimal
  python3-more-itertools@ python3-netifaces python3-newt python3-oauthlib@ python3-openssl@ python3-pexpect@ python3-pkg-resources@
  python3-problem-report@ python3-ptyprocess@ python3-pyasn1@ python3-pyasn1-modules@ python3-pyparsing@ python3-pyrsistent
  python3-requests@ python3-secretstorage@ python3-serial@ python3-service-identity@ python3-setuptools@ python3-six@
  python3-software-properties@ python3-systemd python3-twisted@ python3-tz@ python3-update-manager@ python3-urllib3@ python3-wadllib@
  python3-yaml python3-zipp@ python3-zope.interface python3.10 python3.10-minimal readline-common@ rsync rsyslog run-one@
  sbsigntool screen secureboot-db sed sensible-utils@ sg3-utils sg3-utils-udev@ shared-mime-info shim-signed snapd
  software-properties-common@ sosreport squashfs-tools ssh-import-id@ strace sudo systemd systemd-hwe-hwdb@ systemd-sysv
  systemd-timesyncd sysvinit-utils tar tcl tcl8.6 tcpdump telnet thin-provisioning-tools time tmux tpm-udev@ tzdata@ ubuntu-advantage-tools@
  ubuntu-minimal ubuntu-pro-client ubuntu-release-upgrader-core@ ubuntu-server ubuntu-standard ucf@ udev udisks2 ufw@ unattended-upgrades@
  update-manager-core@ update-notifier-common@ upower usb.ids@ usbutils usrmerge@ util-linux uuid-runtime vim vim-common@
  vim-runtime@ vim-tiny wget whiptail xauth xdg-user-dirs xfsprogs xkb-data@ xxd xz-utils zerofree zlib1g zstd bsdutils bsdextrautils
`;

/** Noble renames (the 64-bit time_t transition, newer Python/Perl/ICU) and drops. */
const NOBLE_RENAMES: Record<string, string> = {
  libssl3: 'libssl3t64', libcurl4: 'libcurl4t64', 'libcurl3-gnutls': 'libcurl3t64-gnutls', 'libglib2.0-0': 'libglib2.0-0t64',
  libgnutls30: 'libgnutls30t64', 'libapt-pkg6.0': 'libapt-pkg6.0t64', libaio1: 'libaio1t64', 'libdb5.3': 'libdb5.3t64', libelf1: 'libelf1t64',
  libext2fs2: 'libext2fs2t64', libtirpc3: 'libtirpc3t64', libparted2: 'libparted2t64', 'libparted-fs-resize0': 'libparted-fs-resize0t64',
  'libpng16-16': 'libpng16-16t64', 'libpcap0.8': 'libpcap0.8t64', libreadline8: 'libreadline8t64', libnettle8: 'libnettle8t64',
  libhogweed6: 'libhogweed6t64', 'libntfs-3g89': 'libntfs-3g89t64', libicu70: 'libicu74', 'libldap-2.5-0': 'libldap2',
  'libperl5.34': 'libperl5.38t64', 'perl-modules-5.34': 'perl-modules-5.38', 'python3.10': 'python3.12', 'python3.10-minimal': 'python3.12-minimal',
  'libpython3.10': 'libpython3.12t64', 'libpython3.10-minimal': 'libpython3.12-minimal', 'libpython3.10-stdlib': 'libpython3.12-stdlib',
  'gcc-12-base': 'gcc-14-base', libprocps8: 'libproc2-0', libnetplan0: 'libnetplan1', 'libcbor0.8': 'libcbor0.10',
};
const NOBLE_DROPS = new Set(['ubuntu-advantage-tools', 'libfwupdplugin5', 'python3-distupgrade', 'libpcre3', 'usrmerge', 'lsb-base', 'ftp', 'telnet', 'libsigsegv2', 'libmpdec3']);
const NOBLE_EXTRAS = 'systemd-resolved libsystemd-shared dbus-bin dbus-daemon dbus-session-bus-common@ dbus-system-bus-common@ keyboxd netplan-generator python3-netplan apport-core-dump-handler@ ubuntu-pro-client-l10n inetutils-telnet';

/* ------------------------------------------------------- conditional packages */

interface Extra extends Omit<PackageSpec, 'source'> {
  source?: string;
}

const rpmExtras = (al: boolean): Extra[] => [
  { name: 'rsyslog', service: 'rsyslog' },
  { name: 'rsyslog-logrotate', service: 'rsyslog' },
  { name: 'amazon-ssm-agent', source: 'amazon-ssm-agent', summary: 'Amazon SSM Agent. Manage EC2 Instances using AWS SSM APIs', url: 'https://github.com/aws/amazon-ssm-agent', publisher: al ? undefined : '(none)' },
  { name: 'git', p: 0.45 }, { name: 'git-core', p: 0.45, requires: 'git' }, { name: 'git-core-doc', noarch: true, requires: 'git' },
  { name: 'htop', p: 0.2 }, { name: 'jq', p: 0.35 }, { name: 'oniguruma', requires: 'jq' }, { name: 'tmux', p: 0.2 }, { name: 'wget', p: al ? 0.3 : 0.5 },
  { name: 'strace', p: 0.2 }, { name: 'tcpdump', p: 0.25 }, { name: 'nmap-ncat', p: 0.15 }, { name: 'unzip', p: 0.5 }, { name: 'zip', p: 0.25 },
  { name: 'lsof', p: 0.4 }, { name: 'sysstat', p: 0.3 }, { name: 'python3-pip', p: 0.4, noarch: true }, { name: 'make', p: 0.1 },
  { name: 'gcc', p: 0.1 }, { name: 'cpp', requires: 'gcc' }, { name: 'libmpc', requires: 'gcc' }, { name: 'glibc-devel', requires: 'gcc' },
  { name: 'kernel-headers', requires: 'gcc' }, { name: 'libxcrypt-devel', requires: 'gcc' },
  ...(al ? [{ name: 'bind-utils', p: 0.4 }, { name: 'aws-cfn-bootstrap', p: 0.35, noarch: true }, { name: 'amazon-efs-utils', p: 0.1, noarch: true }] : [{ name: 'bind-utils', p: 0.3 }]),
  // web servers (the web app and the 8% of other nodes that run nginx; RHEL's web tier runs httpd)
  { name: 'nginx', service: 'nginx' }, { name: 'nginx-core', service: 'nginx' }, { name: 'nginx-filesystem', service: 'nginx', noarch: true },
  ...(al ? [{ name: 'nginx-mimetypes', service: 'nginx', noarch: true }, { name: 'generic-logos-httpd', service: 'nginx', noarch: true }] : []),
  ...(al ? [] : ['httpd', 'httpd-core', 'httpd-filesystem@', 'httpd-tools', 'apr', 'apr-util', 'apr-util-bdb', 'apr-util-openssl', 'mod_http2', 'mod_lua', 'redhat-logos-httpd@'].map((n) => ({ name: n.replace('@', ''), noarch: n.endsWith('@'), service: 'httpd' }))),
  // containers
  ...(al
    ? ['docker', 'containerd', 'runc', 'libcgroup', 'pigz', 'iptables-legacy'].map((n) => ({ name: n, service: 'docker' }))
    : ['docker-ce', 'docker-ce-cli', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin', 'docker-ce-rootless-extras', 'container-selinux@', 'fuse-overlayfs', 'slirp4netns']
      .map((n) => ({ name: n.replace('@', ''), noarch: n.endsWith('@'), service: 'docker', publisher: n.startsWith('container-selinux') || n === 'fuse-overlayfs' || n === 'slirp4netns' ? undefined : 'Docker' }))),
  // databases
  ...(al ? ['postgresql15', 'postgresql15-server', 'postgresql15-private-libs'] : ['postgresql', 'postgresql-server', 'postgresql-private-libs']).map((n) => ({ name: n, service: 'postgresql' })),
  { name: al ? 'redis6' : 'redis', service: 'redis' },
  { name: 'opensearch', service: 'opensearch', publisher: 'OpenSearch', url: 'https://opensearch.org/', summary: 'An open source distributed and RESTful search engine' },
  { name: 'grafana', service: 'grafana-server', publisher: 'Grafana Labs', url: 'https://grafana.com', summary: 'Grafana' },
  // Java application servers and the log4j they ship
  ...(al
    ? [{ name: 'java-17-amazon-corretto-headless', apps: JAVA_APPS }]
    : ['java-17-openjdk-headless', 'javapackages-filesystem@', 'tzdata-java@', 'copy-jdk-configs@', 'lksctp-tools'].map((n) => ({ name: n.replace('@', ''), noarch: n.endsWith('@'), apps: JAVA_APPS }))),
  { name: 'log4j-core', source: 'log4j-core', apps: LOG4J_APPS, p: 0.85, noarch: true, publisher: '(none)', summary: 'Apache Log4j 2 core (bundled by the application package)', url: 'https://logging.apache.org/log4j/2.x/' },
];

const debExtras = (noble: boolean): Extra[] => [
  { name: 'amazon-ssm-agent', source: 'amazon-ssm-agent', snap: true, publisher: 'aws✓' },
  { name: noble ? 'core24' : 'core22', source: 'core', snap: true, publisher: 'canonical✓' },
  { name: 'snapd', source: 'snapd-snap', snap: true, publisher: 'canonical✓' },
  { name: 'linux-image-{k}', source: 'linux', section: 'kernel', summary: 'Signed kernel image aws', publisher: 'Canonical Kernel Team <kernel-team@lists.ubuntu.com>' },
  { name: 'linux-modules-{k}', source: 'linux', section: 'kernel', summary: 'Linux kernel extra modules for version {k}', publisher: 'Canonical Kernel Team <kernel-team@lists.ubuntu.com>' },
  { name: 'git', p: 0.6 }, { name: 'git-man', noarch: true, requires: 'git' }, { name: 'liberror-perl', noarch: true, requires: 'git' },
  { name: 'jq', p: 0.3 }, { name: 'libjq1', requires: 'jq' }, { name: 'libonig5', requires: 'jq' }, { name: 'unzip', p: 0.5 }, { name: 'zip', p: 0.2 },
  { name: 'net-tools', p: 0.4 }, { name: 'sysstat', p: 0.3 }, { name: 'python3-pip', p: 0.4, noarch: true }, { name: 'make', p: 0.1 },
  { name: 'awscli', p: 0.3, noarch: true }, { name: 'nfs-common', p: 0.1 }, { name: 'libnfsidmap1', requires: 'nfs-common' }, { name: 'rpcbind', requires: 'nfs-common' },
  { name: 'nginx', service: 'nginx' }, { name: 'nginx-common', service: 'nginx', noarch: true },
  ...(noble ? [] : [{ name: 'nginx-core', service: 'nginx' }]),
  ...['docker.io', 'containerd', 'runc', 'bridge-utils', 'pigz'].map((n) => ({ name: n, service: 'docker' })),
  ...(noble ? ['postgresql-16', 'postgresql-client-16'] : ['postgresql-14', 'postgresql-client-14']).map((n) => ({ name: n, service: 'postgresql' })),
  { name: 'libpq5', source: noble ? 'postgresql-16' : 'postgresql-14', service: 'postgresql' },
  ...['postgresql-common@', 'postgresql-client-common@', 'ssl-cert@'].map((n) => ({ name: n.replace('@', ''), noarch: n.endsWith('@'), service: 'postgresql' })),
  ...['redis-server', 'redis-tools', 'libjemalloc2', 'liblzf1'].map((n) => ({ name: n, service: 'redis' })),
  { name: 'opensearch', service: 'opensearch', publisher: 'OpenSearch <opensearch@amazon.com>', url: 'https://opensearch.org/', summary: 'An open source distributed and RESTful search engine' },
  { name: 'grafana', service: 'grafana-server', publisher: 'contact@grafana.com', url: 'https://grafana.com', summary: 'Grafana' },
  { name: 'prometheus', service: 'prometheus' },
  { name: 'openjdk-17-jre-headless', apps: JAVA_APPS }, { name: 'ca-certificates-java', noarch: true, apps: JAVA_APPS }, { name: 'java-common', noarch: true, apps: JAVA_APPS },
  { name: 'liblog4j2-java', apps: LOG4J_APPS, p: 0.5, noarch: true },
  { name: 'log4j-core', source: 'log4j-core', apps: LOG4J_APPS, p: 0.85, noarch: true, publisher: 'Platform Team <platform@example.com>', summary: 'Apache Log4j 2 core (bundled by the application package)', url: 'https://logging.apache.org/log4j/2.x/', section: 'java' },
];

/* ------------------------------------------------------- synthesized versions */

const h32 = (...parts: Array<string | number>) => hashSeed('inventory-version', ...parts);

function synthUpstream(h: number): string {
  const major = 1 + (h % 6);
  const minor = (h >>> 3) % 24;
  return (h >>> 8) % 3 === 0 ? `${major}.${minor}` : `${major}.${minor}.${(h >>> 10) % 15}`;
}

function synthRpm(source: string, dist: 'amzn2023' | 'el9'): SourceSpec {
  const h = h32(dist, source);
  const up = synthUpstream(h);
  const n = 1 + ((h >>> 14) % 9);
  const minor = 1 + ((h >>> 18) % 5);
  const release = (m: number) => (dist === 'amzn2023' ? `${n}.amzn2023.0.${m}` : `${n + 1}.el9${(h >>> 21) % 3 === 0 ? `_${[2, 3, 4][(h >>> 23) % 3]}` : ''}${m > 1 ? `.${m - 1}` : ''}`);
  if ((h >>> 25) % 8 === 0 && minor > 1) return { versions: [{ v: up, r: release(minor - 1), w: 30, outdated: true }, { v: up, r: release(minor), w: 70 }] };
  return { versions: [{ v: up, r: release(minor), w: 1 }] };
}

function synthDeb(source: string, noble: boolean): SourceSpec {
  const h = h32(noble ? 'noble' : 'jammy', source);
  const up = synthUpstream(h);
  const n = 1 + ((h >>> 14) % 4);
  const style = (h >>> 17) % 7;
  const rel = noble ? '24.04' : '22.04';
  const rev = (k: number) =>
    style === 0 ? `${up}-${n}` : style === 1 ? `${up}-${n}build${k}` : style === 2 ? `${up}-${n}ubuntu${k}` : style === 3 ? `${up}-${n}ubuntu0.${rel}.${k}`
      : style === 4 ? `${up}-${n}ubuntu${(h >>> 20) % 4}.${k}` : style === 5 ? `${up}+dfsg-${n}ubuntu0.${k}` : `${up}-${n}.1ubuntu${k}`;
  const k = 1 + ((h >>> 22) % 4);
  if ((h >>> 25) % 8 === 0 && k > 1 && style >= 2) return { versions: [{ v: rev(k - 1), w: 30, outdated: true }, { v: rev(k), w: 70 }] };
  return { versions: [{ v: rev(k), w: 1 }] };
}

/* -------------------------------------------------------------- assembly */

function parseList(text: string): Array<{ name: string; noarch: boolean }> {
  return words(text).filter((w) => !w.endsWith('?')).map((w) => ({ name: w.replace(/@$/, ''), noarch: w.endsWith('@') }));
}

interface Build {
  family: 'rpm' | 'deb';
  publisher: string;
  groups: Map<string, string>;
  known: Known;
  synth: (source: string) => SourceSpec;
  base: Array<{ name: string; noarch: boolean }>;
  extras: Extra[];
}

function buildProfile(b: Build): ProfileSpec {
  const sources: Record<string, SourceSpec> = {};
  const packages: PackageSpec[] = [];
  const seen = new Set<string>();
  const sourceOf = (name: string, explicit?: string) => {
    const src = explicit ?? b.groups.get(name) ?? name;
    sources[src] ??= b.known[src] ?? b.synth(src);
    return src;
  };
  for (const e of b.extras) {
    const key = `${e.name}${e.snap ? '#snap' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    packages.push({ ...e, source: sourceOf(e.name, e.source) });
  }
  for (const { name, noarch } of b.base) {
    if (seen.has(name)) continue;
    seen.add(name);
    packages.push({ name, source: sourceOf(name), noarch });
  }
  return { family: b.family, publisher: b.publisher, sources, packages };
}

function nobleList(): Array<{ name: string; noarch: boolean }> {
  const out = parseList(JAMMY).map((p) => ({ ...p, name: NOBLE_RENAMES[p.name] ?? p.name })).filter((p) => !NOBLE_DROPS.has(p.name));
  return [...out, ...parseList(NOBLE_EXTRAS)];
}

const UBUNTU_PUBLISHER = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';

export function linuxProfileSpecs(): Record<'al2023' | 'rhel9' | 'ubuntu2204' | 'ubuntu2404', ProfileSpec> {
  const al: Known = { ...AL2023_KNOWN, 'log4j-core': log4jRpm(), opensearch: OPENSEARCH(rpm), grafana: GRAFANA(rpm) };
  const rhel: Known = { ...RHEL9_KNOWN, 'log4j-core': log4jRpm(), opensearch: OPENSEARCH(rpm), grafana: GRAFANA(rpm) };
  const snaps = (noble: boolean): Known => ({
    'amazon-ssm-agent': { agent: true, versions: [deb('0')] },
    core: { versions: noble ? [deb('20240710')] : [deb('20240408', 35), deb('20240823', 65)] },
    'snapd-snap': { versions: [deb('2.62', 30), deb('2.63', 70)] },
  });
  const jammy: Known = { ...JAMMY_KNOWN, ...snaps(false), 'log4j-core': log4jDeb(), opensearch: OPENSEARCH(deb), grafana: GRAFANA(deb) };
  const noble: Known = { ...NOBLE_KNOWN, ...snaps(true), 'log4j-core': log4jDeb(), opensearch: OPENSEARCH(deb), grafana: GRAFANA(deb) };
  return {
    al2023: buildProfile({
      family: 'rpm', publisher: 'Amazon Linux', groups: RPM_GROUPS, known: al, synth: (s) => synthRpm(s, 'amzn2023'),
      base: [...parseList(RPM_COMMON), ...parseList(AL2023_ONLY)], extras: rpmExtras(true),
    }),
    rhel9: buildProfile({
      family: 'rpm', publisher: 'Red Hat, Inc.', groups: RPM_GROUPS, known: rhel, synth: (s) => synthRpm(s, 'el9'),
      base: [...parseList(RPM_COMMON), ...parseList(RHEL9_ONLY)], extras: rpmExtras(false),
    }),
    ubuntu2204: buildProfile({
      family: 'deb', publisher: UBUNTU_PUBLISHER, groups: DEB_GROUPS, known: jammy, synth: (s) => synthDeb(s, false),
      base: parseList(JAMMY), extras: debExtras(false),
    }),
    ubuntu2404: buildProfile({
      family: 'deb', publisher: UBUNTU_PUBLISHER, groups: DEB_GROUPS, known: noble, synth: (s) => synthDeb(s, true),
      base: nobleList(), extras: debExtras(true),
    }),
  };
}
