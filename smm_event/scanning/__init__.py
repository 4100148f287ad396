"""Reading badge codes at the desk, without Qt.

- ``keyboard_layout``: undo a Russian keyboard layout on text a USB scanner typed.
- ``scan_buffer``: tell a scanner's keystroke burst from typing; the scanner self-test.
- ``decode``: QR codes from camera frames and image files (zxing-cpp).
- ``camera``: the camera loop for a worker thread, and a fake camera for tests.

Submodules are imported on their own so that the keyboard path does not load OpenCV.
"""
