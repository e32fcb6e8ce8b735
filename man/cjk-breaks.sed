# A break point (\:) after each Chinese character or full-width form of a
# text or macro line, for groff breaks lines only at spaces and break
# points and Chinese has no spaces; none before closing punctuation or
# after opening, none in headings, section references and comments.
# Bytes of UTF-8, so run it with LC_ALL=C.
/^\.\\"/b
/^\.S[hsx] /b
s/\([\xe3-\xe9][\x80-\xbf]\|\xef[\xbc-\xbf]\)[\x80-\xbf]/&\\:/g
s/\\:$//
s/\\:\([^\xe3-\xe9\xef]\)/\1/g
s/\\:\(\xef\xbc[\x81\x89\x8c\x9a\x9b\x9f]\|\xe3\x80[\x81\x82\x8b\x8d\x8f]\)/\1/g
s/\(\xef\xbc\x88\|\xe3\x80[\x8a\x8c\x8e]\)\\:/\1/g
