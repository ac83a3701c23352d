#!/usr/bin/env node
// A committed launcher for the built CLI: npm links workspace bins at install time, before
// `prepare` has built dist/, and skips a bin whose file does not exist yet.
import "../dist/bin.js";
