;;; test_emacs.el --- checks editors/emacs/accord-mode.el in batch Emacs  -*- lexical-binding: t; -*-
;; emacs -Q --batch -l editors/tests/test_emacs.el, from the repository root, with `accord' on
;; PATH and ACCORD_BROKEN (a folder of plans with known diagnostics, as for the Vim test).

(require 'cl-lib)
(require 'bytecomp)
(defvar accord-test-failures 0)
;; eglot is built in from Emacs 29; before that a stand-in takes the registration.
(unless (require 'eglot nil t)
  (defvar eglot-server-programs nil)
  (provide 'eglot))
(defun accord-test-expect (what got want)
  (unless (equal got want)
    (setq accord-test-failures (1+ accord-test-failures))
    (message "emacs: FAIL: %s: got %S, want %S" what got want)))

;; 1. It compiles without a warning, and loads.
(let ((byte-compile-error-on-warn t)
      (byte-compile-dest-file-function (lambda (_) (make-temp-file "accord-mode" nil ".elc"))))
  (accord-test-expect "byte-compile" (byte-compile-file "editors/emacs/accord-mode.el") t))
(load (expand-file-name "editors/emacs/accord-mode.el") nil t)

;; 2. Faces of each token class.
(with-temp-buffer
  (insert "scheme SE-05 \"Outpatients\" {  # a comment\n"
          "  status delivery\n"
          "  savings FY22/23 { cash-releasing £1.2m }\n"
          "  change -33% by 2024-03\n"
          "}\n"
          "partner ESNEFT\n")
  (accord-mode)
  (font-lock-ensure)
  (let ((cases '(("scheme" . font-lock-keyword-face) ("SE-05" . font-lock-type-face)
                 ("\"Outp" . font-lock-string-face) ("a comment" . font-lock-comment-face)
                 ("status" . font-lock-builtin-face) ("delivery" . font-lock-constant-face)
                 ("savings" . font-lock-keyword-face) ("FY22/23" . font-lock-constant-face)
                 ("cash-releasing" . font-lock-builtin-face) ("£1.2m" . font-lock-constant-face)
                 ("33%" . font-lock-constant-face) ("by" . font-lock-constant-face)
                 ("2024-03" . font-lock-constant-face) ("ESNEFT" . font-lock-type-face))))
    (dolist (case cases)
      (goto-char (point-min))
      (search-forward (car case))
      (let ((faces (cl-loop for pos from (match-beginning 0) below (match-end 0)
                            collect (let ((face (get-text-property pos 'face))) (if (listp face) (car face) face)))))
        (accord-test-expect (car case) (delete-dups faces) (list (cdr case)))))))

;; 3. Indenting a formatted example with its indentation stripped gives it back.
(let ((file "examples/snee/schemes/se-05-outpatients.accord"))
  (with-temp-buffer
    (insert-file-contents file)
    (accord-mode)
    (let ((formatted (buffer-string)))
      (goto-char (point-min))
      (while (re-search-forward "^[ \t]+" nil t) (replace-match ""))
      (indent-region (point-min) (point-max))
      (accord-test-expect (concat "indenting " file) (string= (buffer-string) formatted) t))))

;; 4. `accord check' output read by compilation mode: file, line, column, error or warning.
(let ((default-directory (file-name-as-directory (getenv "ACCORD_BROKEN")))
      (found nil))
  (with-temp-buffer
    (call-process "accord" nil t nil "check")
    (compilation-mode)
    (compilation--ensure-parse (point-max))
    (goto-char (point-min))
    (while (not (eobp))
      (let ((message (get-text-property (point) 'compilation-message)))
        (when message
          (let ((loc (compilation--message->loc message)))
            (push (format "%s:%d:%d:%s" (file-name-nondirectory (caar (compilation--loc->file-struct loc)))
                          (compilation--loc->line loc) (compilation--loc->col loc)
                          (if (= (compilation--message->type message) 2) "error" "warning"))
                  found))))
      (forward-line 1)))
  (accord-test-expect "compilation errors" (nreverse found)
                      '("E104-unexpected-token.accord:5:23:error" "E104-unexpected-token.accord:6:16:error"
                        "E104-unexpected-token.accord:12:20:error" "E104-unexpected-token.accord:13:12:error"
                        "E104-unexpected-token.accord:15:1:error"
                        "W407-unused.accord:11:9:warning" "W407-unused.accord:13:8:warning"
                        "W407-unused.accord:15:6:warning" "W407-unused.accord:17:5:warning")))

;; 5. eglot is told to run `accord lsp'.
(accord-test-expect "eglot server" (cdr (assq 'accord-mode eglot-server-programs)) '("accord" "lsp"))

(if (> accord-test-failures 0)
    (kill-emacs 1)
  (message "emacs %s: accord-mode compiles; faces, indentation, compilation errors and the eglot entry as expected" emacs-version)
  (kill-emacs 0))
