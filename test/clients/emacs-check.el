;;; emacs-check.el --- Emacs + eglot as a real LSP client of the Corpus Lint server  -*- lexical-binding: t; coding: utf-8 -*-

;; Run by scripts/test-clients.sh:
;;   CORPUS_LINT_SERVER=dist/server.js CORPUS_LINT_ROOT=<copy of the seeds> emacs -Q --batch -l test/clients/emacs-check.el
;; Works with Emacs 28 and Debian's elpa-eglot (1.9), and with the eglot built into Emacs 29+.
;; Starts the server over stdio with the corpus folder as the project root, opens 002_59ed37bba01cb0ba.txt, waits for
;; its diagnostics through flymake (one of them `duplicate-paragraph'), hovers «بوتين» in 003_9f36dc66b4847675.txt,
;; shuts the server down.  Prints PASS/FAIL lines; exits 0 when every check passed, 1 otherwise.

;; -Q skips Debian's site-start: put the elpa packages (eglot and the newer project, xref, seq it needs) on load-path.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(prefer-coding-system 'utf-8)
(setq locale-coding-system 'utf-8)
(require 'eglot)
(require 'flymake)

(defvar corpus-check-server (or (getenv "CORPUS_LINT_SERVER") (error "CORPUS_LINT_SERVER is not set")))
(defvar corpus-check-root (file-name-as-directory
                           (expand-file-name (or (getenv "CORPUS_LINT_ROOT") (error "CORPUS_LINT_ROOT is not set")))))
(defvar corpus-check-timeout
  (/ (float (string-to-number (or (getenv "CORPUS_LINT_TIMEOUT_MS") "60000"))) 1000))
(defconst corpus-check-diag-file "002_59ed37bba01cb0ba.txt")
(defconst corpus-check-hover-file "003_9f36dc66b4847675.txt")
(defconst corpus-check-name "بوتين")

(defvar corpus-check-t0 (float-time))
(defvar corpus-check-failed 0)
(defun corpus-check-ms () (round (* 1000 (- (float-time) corpus-check-t0))))
(defun corpus-check-out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun corpus-check (ok what)
  (unless ok (setq corpus-check-failed (1+ corpus-check-failed)))
  (corpus-check-out "emacs: %s %s (%d ms)" (if ok "PASS" "FAIL") what (corpus-check-ms))
  ok)
(defun corpus-check-wait (pred)
  "Process output until PRED returns non-nil or the timeout passes; return PRED's last value."
  (let ((deadline (+ (float-time) corpus-check-timeout)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

;; The mode and the server, as a user would set them up.
(define-derived-mode corpus-mode text-mode "Corpus" "Major mode of the news texts of a corpus.")
(add-to-list 'auto-mode-alist '("\\.txt\\'" . corpus-mode))
(add-to-list 'eglot-server-programs `(corpus-mode . ("node" ,corpus-check-server "--stdio")))
;; The corpus folder is the project (and so the LSP root), whatever surrounds it.
(setq project-find-functions (list (lambda (_dir) (cons 'transient corpus-check-root))))
(setq eglot-sync-connect t eglot-connect-timeout (ceiling corpus-check-timeout) eglot-autoshutdown nil)

(defun corpus-check-hover-text (contents)
  "The text of a hover's CONTENTS: MarkupContent, MarkedString or a vector of them."
  (cond ((stringp contents) contents)
        ((vectorp contents) (mapconcat #'corpus-check-hover-text contents "\n"))
        ((plist-get contents :value))
        (t "")))

(defun corpus-check-main ()
  (find-file (expand-file-name corpus-check-diag-file corpus-check-root))
  (unless (eq major-mode 'corpus-mode) (corpus-mode))
  ;; eglot-ensure connects from a command hook, which batch mode never runs: connect explicitly.
  (apply #'eglot (eglot--guess-contact))
  (let ((server (eglot-current-server)))
    (unless (corpus-check server "server started") (error "no server"))
    ;; 1) diagnostics through flymake, one of them a duplicated paragraph
    (let* ((dup (lambda (d) (string-match-p "\\[duplicate-paragraph\\]" (flymake-diagnostic-text d))))
           (found (corpus-check-wait (lambda () (seq-find dup (flymake-diagnostics)))))
           (diags (flymake-diagnostics)))
      (when found
        (corpus-check-out "emacs:   %s:%d %s" corpus-check-diag-file
                          (line-number-at-pos (flymake-diagnostic-beg found))
                          (car (split-string (flymake-diagnostic-text found) "\n"))))
      (corpus-check found (format "diagnostics of %s include duplicate-paragraph (%d diagnostics)"
                                  corpus-check-diag-file (length diags))))
    ;; 2) hover on the first «بوتين» of the other file (eglot manages it: same mode, same project)
    (find-file (expand-file-name corpus-check-hover-file corpus-check-root))
    (corpus-check (eq (eglot-current-server) server) (format "%s managed by the same server" corpus-check-hover-file))
    (goto-char (point-min))
    (when (corpus-check (search-forward corpus-check-name nil t)
                        (format "«%s» found in %s" corpus-check-name corpus-check-hover-file))
      (goto-char (1+ (match-beginning 0)))      ; one character into the word
      (corpus-check-out "emacs:   hover at %s:%d:%d" corpus-check-hover-file
                        (line-number-at-pos) (1+ (current-column)))
      (let* ((res (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)
                                   :timeout corpus-check-timeout))
             (text (corpus-check-hover-text (plist-get res :contents))))
        (corpus-check-out "emacs:   hover: %s" (truncate-string-to-width (replace-regexp-in-string "\n" " " text) 200))
        (corpus-check (string-match-p (regexp-quote corpus-check-name) text)
                      (format "hover on «%s» mentions %s" corpus-check-name corpus-check-name))))
    ;; 3) clean shutdown: shutdown request, exit notification, the server process exits by itself with 0
    ;; (eglot-shutdown would delete the process right after the exit notification, so do the protocol here)
    (let* ((proc (jsonrpc--process server)) status code)
      (add-function :before (process-sentinel proc)
                    (lambda (p _change)
                      (unless (process-live-p p) (setq status (process-status p) code (process-exit-status p)))))
      (setf (eglot--shutdown-requested server) t)
      (jsonrpc-request server :shutdown nil :timeout corpus-check-timeout)
      (jsonrpc-notify server :exit nil)
      (corpus-check-wait (lambda () status))
      (when (process-live-p proc) (jsonrpc-shutdown server)) ; stuck: kill it (and fail below)
      (corpus-check (and (eq status 'exit) (eql code 0))
                    (format "server shut down (%s %s)" (or status "still running") (or code ""))))))

(condition-case err
    (corpus-check-main)
  (error (corpus-check nil (format "error: %S" err))))
(corpus-check-out "emacs: %s, %d ms in all (Emacs %s, eglot from %s)"
                  (if (zerop corpus-check-failed) "all checks passed"
                    (format "%d check(s) failed" corpus-check-failed))
                  (corpus-check-ms) emacs-version
                  (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot")))))
(kill-emacs (if (zerop corpus-check-failed) 0 1))

;;; emacs-check.el ends here
