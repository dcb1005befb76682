;;; accord-mode.el --- Major mode for Accord plan files  -*- lexical-binding: t; -*-

;; Keywords: languages
;; Package-Requires: ((emacs "27.1"))

;;; Commentary:

;; Highlighting, indentation and comments for Accord plan files (.accord), `M-x compile' with
;; `accord check' (errors link to their line and column), and the `accord lsp' language server
;; through eglot (built into Emacs 29; a package before that).
;;
;;   (add-to-list 'load-path "/path/to/accord/editors/emacs")
;;   (require 'accord-mode)
;;   (add-hook 'accord-mode-hook #'eglot-ensure)   ; optional: start the server on opening a plan
;;
;; The keyword lists follow Sources/AccordSyntax/Grammar.swift, as the Vim and TextMate grammars
;; do (those two are checked against it by the test suite).

;;; Code:

(require 'compile)

(defgroup accord nil
  "Accord plan files."
  :group 'languages)

(defcustom accord-program "accord"
  "The accord program: a name on `exec-path' or a full path."
  :type 'string)

(defcustom accord-indent-offset 2
  "Columns per open `{', as `accord fmt' lays plans out."
  :type 'integer
  :safe #'integerp)

(defconst accord--declarations
  '("include" "plan" "partner" "person" "area" "envelope" "let" "scheme" "risk-share" "scenario" "risk"
    "confidence-weights" "rules" "savings" "share" "milestone" "metric" "trajectory" "shortfall" "gain"))

(defconst accord--attributes
  '("years" "as-of" "approved" "require-metrics" "type" "control-total" "role" "capacity"
    "level" "status" "lead" "partners" "sro" "manager" "clinical-lead" "finance-lead" "confidence"
    "recurrent" "qia" "cash-releasing" "productivity" "cost-growth-avoided" "phasing" "actual"
    "forecast" "cost" "due" "critical" "owner" "done" "after" "kind" "unit" "better" "baseline" "change"
    "target" "schemes" "measure" "cap" "up-to" "above" "delivery" "outturn"
    "update" "update-within" "likelihood" "impact" "mitigation" "review"))

(defconst accord--values
  '("idea" "scoping" "approved" "delivery" "refresh" "closure" "closed" "withdrawn"
    "cash-releasing" "productivity" "cost-growth-avoided" "total" "green" "amber" "red"
    "activity" "quality" "outcome" "off" "warning" "error"
    "provider" "commissioner" "local-authority" "ambulance" "other" "system" "place" "organisation"
    "yes" "no" "not-started" "in-progress" "signed-off" "lower" "higher" "open" "evenly" "by" "at" "days"))

(defun accord--words (words)
  "A regexp matching one of WORDS as a whole name (names hold `-')."
  (concat "\\_<" (regexp-opt words t) "\\_>"))

(defconst accord--head "\\(?:^\\|[{;]\\)[ \t]*"
  "Where a statement starts: its first word is a declaration or an attribute.")

(defconst accord-font-lock-keywords
  `((,(concat accord--head (accord--words '("scheme" "risk-share" "scenario" "milestone" "metric" "let" "person"))
              "[ \t]+\\([A-Za-z][A-Za-z0-9_-]*\\)")
     (1 font-lock-keyword-face) (2 font-lock-type-face))
    (,(concat "^" (accord--words '("partner" "area")) "[ \t]+\\([A-Za-z][A-Za-z0-9_-]*\\)")
     (1 font-lock-keyword-face) (2 font-lock-type-face))
    (,(concat accord--head (accord--words accord--declarations)) 1 font-lock-keyword-face)
    (,(concat accord--head (accord--words accord--attributes)) 1 font-lock-builtin-face)
    ("\\_<\\(?:FY[0-9][0-9]\\|[0-9]\\{4\\}\\)/[0-9][0-9]\\(?:\\.\\.\\(?:FY[0-9][0-9]\\|[0-9]\\{4\\}\\)/[0-9][0-9]\\)?" . font-lock-constant-face)
    ("\\_<[0-9]\\{4\\}-[0-9][0-9]\\(?:-[0-9][0-9]\\)?\\_>" . font-lock-constant-face)
    ("£[0-9][0-9_]*\\(?:\\.[0-9_]+\\)?\\(?:k\\|m\\|bn\\)?" . font-lock-constant-face)
    ;; Not within a name (`SE-05'); `-' before a number is the minus sign (`-33%').
    ("\\(?:^\\|[^A-Za-z0-9_.-]\\|[^A-Za-z0-9_]-\\)\\([0-9][0-9_]*\\(?:\\.[0-9_]+\\)?%?\\)" 1 font-lock-constant-face)
    (,(accord--words accord--values) 1 font-lock-constant-face))
  "Highlighting for `accord-mode'.")

(defvar accord-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?. "." table)
    table)
  "Syntax table for `accord-mode': `#' comments, strings, names with `-'.")

(defun accord-indent-line ()
  "Indent the current line by the number of `{' open before it."
  (interactive)
  (let* ((depth (save-excursion (car (syntax-ppss (line-beginning-position)))))
         (closing (save-excursion (back-to-indentation) (eq (char-after) ?})))
         (column (* accord-indent-offset (max 0 (- depth (if closing 1 0))))))
    (if (<= (current-column) (current-indentation))
        (indent-line-to column)
      (save-excursion (indent-line-to column)))))

;; `plan.accord:5:23: error[E104]: message' and `…: warning[W407]: …'.
(add-to-list 'compilation-error-regexp-alist-alist
             '(accord "^\\([^:\n]+\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:error\\|\\(warning\\)\\)\\[[EW][0-9]+\\]: " 1 2 3 (4)))
(add-to-list 'compilation-error-regexp-alist 'accord)

;;;###autoload
(define-derived-mode accord-mode prog-mode "Accord"
  "Major mode for Accord plan files."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local font-lock-defaults '(accord-font-lock-keywords))
  (setq-local indent-line-function #'accord-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local compile-command (concat accord-program " check ")))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.accord\\'" . accord-mode))

(defvar eglot-server-programs)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs `(accord-mode . (,accord-program "lsp"))))

(provide 'accord-mode)
;;; accord-mode.el ends here
