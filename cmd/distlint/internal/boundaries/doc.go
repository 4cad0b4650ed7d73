// Package boundaries holds the end-to-end tests of distlint -boundaries
// on a scratch service that imports the real sony/gobreaker module, and
// the test of the HTML page in headless Chromium: tests that need the
// module proxy or a browser, apart from the command's quick tests.
package boundaries
