//! The real binary in a real terminal: one private tmux server per test (so
//! tests run in parallel and never touch anyone's own tmux), with rebound
//! started in a 100x32 window, keys sent, the screen read and the exit
//! status kept. Shared by `e2e.rs` and `durability.rs`, which add their own
//! helpers in their own `impl Tmux` blocks.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_rebound");

/// One tmux server per test, so tests can run in parallel and never touch
/// the developer's own tmux.
pub struct Tmux {
    socket: String,
    pub data: tempfile::TempDir,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    pub fn new() -> Tmux {
        let socket = format!(
            "rebound-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        Tmux {
            socket,
            data: tempfile::tempdir().expect("temp data dir"),
        }
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)")
    }

    /// Where the test's own guide files go (`guides/` in its temp folder,
    /// not made unless a test writes one), so a developer's never show.
    pub fn guides_dir(&self) -> PathBuf {
        self.data.path().join("guides")
    }

    /// Starts `rebound ARGS` in a 100x32 window.
    pub fn start(&self, args: &str) {
        let _ = std::fs::remove_file(self.status_file());
        // The shell records the exit status, which tmux does not always report.
        let command = format!(
            "REBOUND_DATA_DIR='{}' REBOUND_GUIDES_DIR='{}' '{}' {args}; echo $? > '{}'",
            self.data.path().display(),
            self.guides_dir().display(),
            BIN,
            self.status_file().display()
        );
        self.launch(&command);
    }

    /// Runs a shell command in a fresh 100x32 window that stays after it exits.
    pub fn launch(&self, command: &str) {
        let args = [
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            "100",
            "-y",
            "32",
            command,
            ";",
            "set-option",
            "-t",
            "main",
            "remain-on-exit",
            "on",
        ];
        // Right after `close_window` the server may still be shutting down
        // ("server exited unexpectedly"); a moment later a new one starts.
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let out = self.tmux(&args);
            if out.status.success() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "tmux failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "main", key]);
            sleep(Duration::from_millis(40));
        }
    }

    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
        sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows `text`, or fails showing what it did show.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn status_file(&self) -> PathBuf {
        self.data.path().join("exit-status")
    }

    /// The pid of rebound itself (the pane runs it under a shell).
    pub fn pid(&self) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "main", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep runs");
        let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
        // A shell may exec its last command itself; then the pane pid is rebound.
        if child.is_empty() { shell } else { child }
    }

    /// Waits for rebound to exit; returns its exit status as the shell saw it.
    pub fn wait_exit(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(status) = std::fs::read_to_string(self.status_file())
                && !status.trim().is_empty()
            {
                return status.trim().to_string();
            }
            assert!(
                Instant::now() < deadline,
                "rebound did not exit; screen:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn close_window(&self) {
        self.tmux(&["kill-session", "-t", "main"]);
    }

    pub fn reflection_files(&self) -> Vec<PathBuf> {
        let dir = self.data.path().join("reflections");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
        files.sort();
        files
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
        // tmux leaves the socket file of a server that is gone; remove ours.
        let base = std::env::var_os("TMUX_TMPDIR")
            .filter(|d| !d.is_empty())
            .map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        let _ = std::fs::remove_file(base.join(format!("tmux-{uid}")).join(&self.socket));
    }
}
